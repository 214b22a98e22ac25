package com.salesops.packets.run;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Times each step execution to the millisecond and keeps the figure in the step's context.
 * The job repository's own timestamps are not enough: Connector/J drops fractional seconds when
 * talking to MariaDB (it reads the server version as 5.5.5).
 */
final class StepTimer implements StepExecutionListener {

    static final String MILLIS = "step.millis";
    private static final String STARTED = "step.startedNanos";

    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putLong(STARTED, System.nanoTime());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long started = stepExecution.getExecutionContext().getLong(STARTED, System.nanoTime());
        stepExecution.getExecutionContext().putLong(MILLIS, (System.nanoTime() - started) / 1_000_000);
        stepExecution.getExecutionContext().remove(STARTED);
        return stepExecution.getExitStatus();
    }
}
