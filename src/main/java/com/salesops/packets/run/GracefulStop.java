package com.salesops.packets.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;

/**
 * SIGTERM (cron timeout, systemd stop, Ctrl-C) stops the running execution at the next chunk
 * boundary instead of killing it mid-write: the JVM shutdown hook asks the job to stop, waits for
 * the command to finish (the execution ends STOPPED, restartable like a failure) and then exits
 * with the command's exit code. One instance per command, made by {@code main} and handed to the
 * application context; the chunk steps (render, deliver) consult it as their interruption policy,
 * so a stop never waits for more than the packet or email in hand.
 */
public final class GracefulStop implements JobExecutionListener, StepInterruptionPolicy {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    /** Longest wait for the current packet or email (an SMTP send with retries) before giving up. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(3);

    private final CountDownLatch commandEnded = new CountDownLatch(1);
    private volatile int exitCode = ExitCodes.FAILED;
    private volatile JobExecution running;
    private volatile boolean requested;

    /** Called once from {@code main}: the application context has no shutdown hook of its own. */
    public void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "graceful-stop"));
    }

    /** The command finished with this exit code (main calls it just before System.exit). */
    public void commandEnded(int code) {
        exitCode = code;
        commandEnded.countDown();
    }

    /** True once a stop was asked for. */
    public boolean requested() {
        return requested;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running = execution;
    }

    @Override
    public void afterJob(JobExecution execution) {
        running = null;
    }

    /** Between two chunks: once a stop is requested, the step ends STOPPED (a restart does the rest). */
    @Override
    public void checkInterrupted(StepExecution step) throws JobInterruptedException {
        if (requested || Thread.currentThread().isInterrupted() || step.isTerminateOnly()) {
            step.setTerminateOnly();
            throw new JobInterruptedException("stop requested");
        }
    }

    private void onShutdown() {
        if (commandEnded.getCount() == 0) {
            return; // an ordinary exit
        }
        stopRunningExecution();
        try {
            if (!commandEnded.await(MAX_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("packets: the run did not stop within " + MAX_WAIT + "; exiting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // System.exit from main blocks while this hook runs: end the JVM here with the command's code.
        Runtime.getRuntime().halt(exitCode);
    }

    /** The execution this JVM runs now, if any. */
    public java.util.Optional<Long> runningExecutionId() {
        JobExecution execution = running;
        return execution == null ? java.util.Optional.empty() : java.util.Optional.of(execution.getId());
    }

    private void stopRunningExecution() {
        requested = true;
        JobExecution execution = running;
        if (execution == null) {
            return;
        }
        log.warn("{}: termination signal; stopping execution {} at the next chunk boundary",
                Params.runKey(execution), execution.getId());
        // In memory only, on the live execution the main thread runs: JobOperator.stop would also write the
        // running step execution from this thread and make the main thread fail on its version check.
        // The running step ends STOPPED at its next chunk boundary; between steps the job sees STOPPING and stops.
        execution.setStatus(BatchStatus.STOPPING);
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setTerminateOnly();
            }
        }
    }
}
