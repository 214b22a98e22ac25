package com.salesops.packets.run;

import java.util.OptionalLong;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Keys of the reconciliation counts the compute step leaves in the job's execution context, for the
 * run summary and the ops email (docs/numbers.md §9).
 */
final class Invariant {

    static final String BOOKINGS_READ = "invariant.bookingsRead";
    static final String CREDITED = "invariant.credited";
    static final String REJECTED = "invariant.rejected";
    static final String LINES = "invariant.lines";
    static final String BROKEN = "invariant.brokenBookings";

    private Invariant() {
    }

    /**
     * The job context holding the counts: the current execution's, or, in a restart that did not
     * compute again, the earlier execution's that did (empty when none has).
     */
    static ExecutionContext latest(JobRepository jobRepository, JobExecution current) {
        if (current.getExecutionContext().containsKey(BOOKINGS_READ)) {
            return current.getExecutionContext();
        }
        for (JobExecution e : jobRepository.getJobExecutions(current.getJobInstance())) {
            if (e.getExecutionContext().containsKey(BOOKINGS_READ)) {
                return e.getExecutionContext();
            }
        }
        return new ExecutionContext();
    }

    /** The credited bookings the compute step counted for this job instance, if it has. */
    static OptionalLong credited(JobRepository jobRepository, JobExecution current) {
        ExecutionContext counts = latest(jobRepository, current);
        return counts.containsKey(CREDITED) ? OptionalLong.of(counts.getLong(CREDITED)) : OptionalLong.empty();
    }
}
