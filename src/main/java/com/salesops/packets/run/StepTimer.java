package com.salesops.packets.run;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Times each step execution to the millisecond and keeps the figure in the step's context.
 * The job repository's own timestamps are not enough: Connector/J drops fractional seconds when
 * talking to MariaDB (it reads the server version as 5.5.5).
 * At debug level it also logs the JVM's CPU time over the step, in cores: how far a step keeps the
 * machine busy (the render step should use every core, not wait; docs/performance.md).
 */
final class StepTimer implements StepExecutionListener {

    static final String MILLIS = "step.millis";
    private static final String STARTED = "step.startedNanos";
    private static final String STARTED_CPU = "step.startedCpuNanos";

    private static final Logger log = LoggerFactory.getLogger(StepTimer.class);

    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putLong(STARTED, System.nanoTime());
        long cpu = processCpuNanos();
        if (cpu >= 0) {
            stepExecution.getExecutionContext().putLong(STARTED_CPU, cpu);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long elapsed = System.nanoTime() - stepExecution.getExecutionContext().getLong(STARTED, System.nanoTime());
        stepExecution.getExecutionContext().putLong(MILLIS, elapsed / 1_000_000);
        stepExecution.getExecutionContext().remove(STARTED);
        if (stepExecution.getExecutionContext().containsKey(STARTED_CPU)) {
            long cpu = processCpuNanos() - stepExecution.getExecutionContext().getLong(STARTED_CPU);
            stepExecution.getExecutionContext().remove(STARTED_CPU);
            if (log.isDebugEnabled() && elapsed > 0 && cpu >= 0) {
                log.debug(String.format(Locale.ROOT, "%s: %.1f s, JVM on CPU %.1f s = %.2f cores of %d",
                        stepExecution.getStepName(), elapsed / 1e9, cpu / 1e9, (double) cpu / elapsed,
                        Runtime.getRuntime().availableProcessors()));
            }
        }
        return stepExecution.getExitStatus();
    }

    /** The JVM's CPU time so far (all its threads), or -1 where the platform does not say. */
    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
