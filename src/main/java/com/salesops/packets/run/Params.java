package com.salesops.packets.run;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;

/** Job parameter names: the run key identifies the run; {@code rerun} counts deliberate reruns of a completed key. */
public final class Params {

    public static final String RUN_KEY = "runKey";
    public static final String RERUN = "rerun";
    /**
     * Not identifying: the ledger purpose a new instance inherits when it recomputes a HELD run
     * (nothing of it was sent, so its emails are still the run's own, not a rerun's).
     */
    public static final String PURPOSE = "deliveryPurpose";

    private Params() {
    }

    static String runKey(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters().getString(RUN_KEY);
    }

    static long rerun(JobParameters parameters) {
        Long n = parameters.getLong(RERUN);
        return n == null ? 0 : n;
    }

    /** Ledger purpose of a run's emails: a rerun sends again, on purpose, under its own rows. */
    static String deliveryPurpose(JobParameters parameters) {
        String inherited = parameters.getString(PURPOSE);
        if (inherited != null) {
            return inherited;
        }
        long n = rerun(parameters);
        return n == 0 ? "RUN" : "RERUN-" + n;
    }
}
