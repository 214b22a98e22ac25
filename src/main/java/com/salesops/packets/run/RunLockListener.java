package com.salesops.packets.run;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Writes into the run lock which execution this JVM runs under the key (for status and recover). */
final class RunLockListener implements JobExecutionListener {

    private final RunLock lock;

    RunLockListener(RunLock lock) {
        this.lock = lock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        lock.executionStarted(Params.runKey(execution), execution.getId());
    }
}
