package com.salesops.packets.run;

import com.salesops.packets.retention.RunGuard;
import java.time.Instant;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** Retention's view of a run key: its latest execution's status (job repository) and its {@link RunLock}. */
final class JobRunGuard implements RunGuard {

    private final JobRepository repository;
    private final RunLock lock;

    JobRunGuard(JobRepository repository, RunLock lock) {
        this.repository = repository;
        this.lock = lock;
    }

    /** The key's instances are run key + rerun number 0, 1, 2, ... (see {@link RunLauncher}): the last one counts. */
    @Override
    public BatchStatus latestStatus(String runKey) {
        JobInstance latest = null;
        for (long n = 0; ; n++) {
            JobInstance instance = repository.getJobInstance(SalesPerformanceJobConfiguration.JOB_NAME,
                    RunLauncher.parameters(runKey, n));
            if (instance == null) {
                break;
            }
            latest = instance;
        }
        JobExecution last = latest == null ? null : repository.getLastJobExecution(latest);
        return last == null ? BatchStatus.UNKNOWN : last.getStatus();
    }

    @Override
    public Held hold(String runKey) {
        Optional<RunLock.Holder> holder = lock.tryAcquire(runKey);
        if (holder.isPresent()) {
            RunLock.Holder h = holder.get();
            throw new KeyBusyException(h.alive(Instant.now()) ? runKey + " is running (" + h.describe() + ")"
                    : runKey + " is locked by a process that is gone (" + h.describe() + "; run: recover)");
        }
        AutoCloseable held = lock.hold(runKey);
        return () -> {
            try {
                held.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot release the run lock of " + runKey + ": " + e.getMessage(), e);
            }
        };
    }
}
