package com.salesops.packets.run;

import com.salesops.packets.retention.Purge;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * docs/architecture.md, "Retention": after a run completes (and the run history has recorded it), the runs
 * past retention are purged, when {@code packets.retention.purge-after-run} is true. A purge that fails or is
 * refused never fails the run: it is logged, and what happened goes into the ops email (through the job's
 * execution context, {@link #NOTE}).
 */
final class PurgeAfterRun implements JobExecutionListener {

    /** The purge's one-line outcome, for the ops email. */
    static final String NOTE = "retention.note";

    private static final Logger log = LoggerFactory.getLogger(PurgeAfterRun.class);

    private final Purge purge;
    private final boolean enabled;

    PurgeAfterRun(Purge purge, boolean enabled) {
        this.purge = purge;
        this.enabled = enabled;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (!enabled || execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        String runKey = execution.getJobParameters().getString(Params.RUN_KEY);
        String note;
        try {
            var report = purge.purge(false, Optional.of(runKey));
            report.lines().forEach(line -> log.info("{}: {}", runKey, line));
            note = report.summary();
            if (report.refused().isPresent()) {
                log.warn("{}: {}", runKey, note);
            }
        } catch (RuntimeException e) {
            note = "purge failed (the run itself completed; run: purge): " + e.getMessage();
            log.warn("{}: {}", runKey, note, e);
        }
        execution.getExecutionContext().putString(NOTE, note);
    }
}
