package com.salesops.packets.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * SIGTERM (cron timeout, systemd stop, Ctrl-C) stops the running execution at the next chunk
 * boundary instead of killing it mid-write: the JVM shutdown hook asks the job to stop, waits for
 * the command to finish (the execution ends STOPPED, restartable like a failure) and then exits
 * with the command's exit code. The render and deliver steps check {@link #requested()} between
 * packets, so a stop never waits for a whole step.
 */
@Component
public class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    /** Longest wait for the current packet or email (an SMTP send with retries) before giving up. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(3);

    private static volatile GracefulStop active;
    private static volatile int exitCode = ExitCodes.FAILED;
    private static final CountDownLatch commandEnded = new CountDownLatch(1);

    private volatile JobExecution running;
    private volatile boolean requested;

    public GracefulStop() {
        active = this;
    }

    /** Called once from {@code main}: the application context has no shutdown hook of its own. */
    public static void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(GracefulStop::onShutdown, "graceful-stop"));
    }

    /** The command finished with this exit code (main calls it just before System.exit). */
    public static void commandEnded(int code) {
        exitCode = code;
        commandEnded.countDown();
    }

    private static void onShutdown() {
        if (commandEnded.getCount() == 0) {
            return; // an ordinary exit
        }
        GracefulStop stop = active;
        if (stop != null) {
            stop.stopRunningExecution();
        }
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

    /** True once a stop was asked for: long steps end their current packet and stop. */
    public boolean requested() {
        return requested;
    }

    /** The execution this JVM runs now, if any. */
    public java.util.Optional<Long> runningExecutionId() {
        JobExecution execution = running;
        return execution == null ? java.util.Optional.empty() : java.util.Optional.of(execution.getId());
    }

    void started(JobExecution execution) {
        running = execution;
    }

    void ended() {
        running = null;
    }

    private void stopRunningExecution() {
        requested = true;
        JobExecution execution = running;
        if (execution == null) {
            return;
        }
        log.warn("{}: termination signal; stopping execution {} at the next chunk boundary",
                execution.getJobParameters().getString(Params.RUN_KEY), execution.getId());
        // In memory only, on the live execution the main thread runs: JobOperator.stop would also write the
        // running step execution from this thread and make the main thread fail on its version check.
        // The running step ends STOPPED at its next chunk boundary (render and deliver also watch
        // requested()); between steps the job sees STOPPING and stops.
        execution.setStatus(BatchStatus.STOPPING);
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setTerminateOnly();
            }
        }
    }
}
