package com.salesops.packets.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts or refuses a run by its key (DESIGN §6): a new key starts; a failed or stopped
 * key restarts where it failed; a running key is refused; a completed key is refused unless a rerun
 * is asked for, which starts a new instance of the same key.
 */
@Component
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    /** How a launch ended, with the exit code of DESIGN §6. */
    public record Outcome(int exitCode, String message, JobExecution execution) {
    }

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;

    public RunLauncher(JobOperator operator, JobRepository repository, Job salesPerformanceJob) {
        this.operator = operator;
        this.repository = repository;
        this.job = salesPerformanceJob;
    }

    public Outcome launch(String runKey, boolean rerun) throws Exception {
        long n = 0;
        JobInstance latest = null;
        while (true) {
            JobInstance instance = repository.getJobInstance(SalesPerformanceJobConfiguration.JOB_NAME, parameters(runKey, n));
            if (instance == null) {
                break;
            }
            latest = instance;
            n++;
        }
        JobExecution execution;
        if (latest == null) {
            execution = start(parameters(runKey, 0));
        } else {
            JobExecution last = repository.getLastJobExecution(latest);
            BatchStatus status = last == null ? BatchStatus.UNKNOWN : last.getStatus();
            if (status.isRunning()) {
                return new Outcome(ExitCodes.REFUSED, runKey + " is already running (execution " + last.getId()
                        + "). If its process died, run: recover " + last.getId(), last);
            }
            if (status == BatchStatus.COMPLETED) {
                if (!rerun) {
                    return new Outcome(ExitCodes.REFUSED, runKey + " already completed (execution " + last.getId()
                            + "); nothing to do. Use --rerun to run it again after a data fix.", last);
                }
                log.info("{}: completed before; starting rerun #{}", runKey, n);
                execution = start(parameters(runKey, n));
            } else {
                log.info("{}: restarting execution {} ({})", runKey, last.getId(), status);
                execution = operator.restart(last);
            }
        }
        return outcome(runKey, execution);
    }

    public Outcome restart(JobExecution failed) throws Exception {
        return outcome(failed.getJobParameters().getString(Params.RUN_KEY), operator.restart(failed));
    }

    private JobExecution start(JobParameters parameters) throws Exception {
        try {
            return operator.start(job, parameters);
        } catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException e) {
            throw new RefusedException(e.getMessage());
        }
    }

    private static Outcome outcome(String runKey, JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return new Outcome(ExitCodes.COMPLETED, runKey + " completed (execution " + execution.getId() + ")", execution);
        }
        String why = execution.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
        return new Outcome(ExitCodes.FAILED, runKey + " " + status + " (execution " + execution.getId() + "): " + why
                + "\nFix the cause and run the same command again to restart where it stopped.", execution);
    }

    static JobParameters parameters(String runKey, long rerun) {
        JobParametersBuilder b = new JobParametersBuilder().addString(Params.RUN_KEY, runKey, true);
        if (rerun > 0) {
            b.addLong(Params.RERUN, rerun, true);
        }
        return b.toJobParameters();
    }

    /** Another launch of the same key won the race. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }
}
