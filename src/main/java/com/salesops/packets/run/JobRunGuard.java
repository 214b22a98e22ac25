package com.salesops.packets.run;

import com.salesops.packets.retention.RunGuard;
import com.salesops.packets.source.RunContexts;
import com.salesops.packets.history.HistoryEntry;
import com.salesops.packets.history.RunHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** Retention's view of a run key: its latest execution's status (job repository) and its {@link RunLock}. */
final class JobRunGuard implements RunGuard {

    private final JobRepository repository;
    private final RunLock lock;
    private final RunHistory history;
    private final RunContexts contexts;

    JobRunGuard(JobRepository repository, RunLock lock, RunHistory history, RunContexts contexts) {
        this.repository = repository;
        this.lock = lock;
        this.history = history;
        this.contexts = contexts;
    }

    /**
     * Goes through every instance of the job once: per run key its last instance (the highest rerun
     * number) decides. A key being rerun is not COMPLETED (its prepare step forgot it), so it is skipped.
     */
    @Override
    public List<String> recordCompletedRunsMissingFromHistory() {
        Set<String> known = history.entries().stream().map(HistoryEntry::runKey).collect(Collectors.toSet());
        Map<String, JobExecution> lastByKey = new TreeMap<>();
        for (JobInstance instance : repository.getJobInstances(SalesPerformanceJobConfiguration.JOB_NAME, 0,
                Integer.MAX_VALUE)) {
            JobExecution last = repository.getLastJobExecution(instance);
            String runKey = last == null ? null : last.getJobParameters().getString(Params.RUN_KEY);
            if (runKey != null && !known.contains(runKey)) {
                lastByKey.merge(runKey, last, (a, b) -> Params.rerun(a.getJobParameters())
                        >= Params.rerun(b.getJobParameters()) ? a : b);
            }
        }
        List<String> recorded = new ArrayList<>();
        lastByKey.forEach((runKey, last) -> {
            if (last.getStatus() == BatchStatus.COMPLETED) {
                history.recordCompleted(contexts.plan(runKey));
                recorded.add(runKey);
            }
        });
        return recorded;
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
