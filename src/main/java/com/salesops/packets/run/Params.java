package com.salesops.packets.run;

import com.salesops.packets.delivery.DeliveryPurpose;
import org.springframework.batch.core.job.JobExecution;
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
        return runKey(chunk.getStepContext().getStepExecution().getJobExecution());
    }

    static String runKey(JobExecution execution) {
        return execution.getJobParameters().getString(RUN_KEY);
    }

    static long rerun(JobParameters parameters) {
        Long n = parameters.getLong(RERUN);
        return n == null ? 0 : n;
    }

    /** Ledger purpose of a run's emails: a rerun sends again, on purpose, under its own rows. */
    static DeliveryPurpose deliveryPurpose(JobParameters parameters) {
        return deliveryPurpose(parameters.getLong(RERUN), parameters.getString(PURPOSE));
    }

    /** The same from the parameters' values: {@code inherited} (a recomputed HELD run's purpose) wins. */
    static DeliveryPurpose deliveryPurpose(Long rerun, String inherited) {
        if (inherited != null) {
            return DeliveryPurpose.parse(inherited);
        }
        return DeliveryPurpose.ofRun(rerun == null ? 0 : rerun);
    }
}
