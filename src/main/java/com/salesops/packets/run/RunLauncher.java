package com.salesops.packets.run;

import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.DeliveryHeldException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Starts, restarts or refuses a run by its key (docs/architecture.md, "Operations"): a new key starts; a failed or stopped
 * key restarts where it failed; a running key is refused; a completed key is refused unless a rerun
 * is asked for, which starts a new instance of the same key. A key whose delivery gate HELD it
 * and that nobody released is recomputed as a new instance (its numbers came from the source as it
 * was, and ops launch it again after fixing the source); {@link #release} instead restarts it so the
 * held packets go out as they are. Every launch, restart, release and recover first takes the key's
 * {@link RunLock}, so two JVMs never work on one key at once.
 */
@Component
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    /** How a launch ended, with the exit code of docs/architecture.md, "Operations". */
    public record Outcome(int exitCode, String message, JobExecution execution) {
    }

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunLock lock;
    private final DeliveryGate gate;
    private final AppDatabaseWatch watch;

    public RunLauncher(JobOperator operator, JobRepository repository, Job salesPerformanceJob, RunLock lock,
                       DeliveryGate gate, AppDatabaseWatch watch) {
        this.operator = operator;
        this.repository = repository;
        this.job = salesPerformanceJob;
        this.lock = lock;
        this.gate = gate;
        this.watch = watch;
    }

    /** What restart or release does with an execution that is the latest of its run key. */
    @FunctionalInterface
    private interface LatestAction {
        Outcome apply(JobExecution execution, String runKey) throws Exception;
    }

    /**
     * Looks the execution up, takes its run key's lock and refuses an execution that is not the latest
     * of its instance; then hands it to {@code action}.
     */
    private Outcome onLatest(long executionId, LatestAction action) throws Exception {
        JobExecution execution = repository.getJobExecution(executionId);
        if (execution == null) {
            return new Outcome(ExitCodes.USAGE_OR_CONFIG, "no job execution " + executionId + " (see: status)", null);
        }
        String runKey = execution.getJobParameters().getString(Params.RUN_KEY);
        return locked(runKey, () -> {
            JobExecution last = repository.getLastJobExecution(execution.getJobInstance());
            if (last != null && last.getId() != execution.getId()) {
                return new Outcome(ExitCodes.REFUSED, "execution " + executionId + " of " + runKey
                        + " is not its latest; the latest is " + last.getId() + " (" + last.getStatus() + ")", last);
            }
            return action.apply(execution, runKey);
        });
    }

    /** Starts, restarts or refuses the run key; holds its {@link RunLock} throughout. */
    public Outcome launch(String runKey, boolean rerun) throws Exception {
        return locked(runKey, () -> launchLocked(runKey, rerun));
    }

    /** Restarts a FAILED or STOPPED execution (the last of its run key). */
    public Outcome restart(long executionId) throws Exception {
        return onLatest(executionId, (execution, runKey) -> {
            BatchStatus status = execution.getStatus();
            if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
                return new Outcome(ExitCodes.REFUSED, "execution " + executionId + " of " + runKey + " is " + status
                        + "; only FAILED or STOPPED executions restart" + (status.isRunning()
                        ? ". If its process died, run: recover " + executionId : ""), execution);
            }
            log.info("{}: restarting execution {} ({})", runKey, executionId, status);
            return outcome(runKey, operator.restart(execution));
        });
    }

    /**
     * A person looked at why the gate held this execution and lets its packets go out as they are:
     * records the release (so the restarted gate passes) and restarts the execution.
     */
    public Outcome release(long executionId) throws Exception {
        return onLatest(executionId, (execution, runKey) -> {
            if (execution.getStatus() != BatchStatus.FAILED || !gate.heldWithoutRelease(executionId)) {
                return new Outcome(ExitCodes.REFUSED, "execution " + executionId + " of " + runKey + " is not HELD ("
                        + execution.getStatus() + (execution.getStatus() == BatchStatus.ABANDONED
                        ? ": it was recomputed as a new run of the key" : "") + "); nothing to release (see: status --run "
                        + runKey + ")", execution);
            }
            String who = System.getProperty("user.name", "unknown") + "@" + RunLock.thisHost();
            gate.release(execution.getJobInstance().getId(), runKey, executionId, who);
            log.warn("{}: execution {} released by {}: restarting it to send the held packets as they are", runKey,
                    executionId, who);
            return outcome(runKey, operator.restart(execution));
        });
    }

    /** The most recent execution that ended FAILED or STOPPED and was not restarted since. */
    public Optional<JobExecution> lastFailed() {
        return repository.getJobInstances(SalesPerformanceJobConfiguration.JOB_NAME, 0, 200).stream()
                .map(repository::getLastJobExecution)
                .filter(e -> e != null && (e.getStatus() == BatchStatus.FAILED || e.getStatus() == BatchStatus.STOPPED))
                .max(Comparator.comparing(JobExecution::getId));
    }

    /**
     * For an execution left STARTED/STOPPING by a killed JVM: marks it FAILED (restartable) and
     * removes the dead JVM's run lock. Refused while the lock's holder is alive (see
     * {@link RunLock.Holder#alive}): recovering a live run would let a second JVM run the key.
     */
    public Outcome recover(long executionId) {
        JobExecution execution = repository.getJobExecution(executionId);
        if (execution == null) {
            return new Outcome(ExitCodes.USAGE_OR_CONFIG, "no job execution " + executionId + " (see: status)", null);
        }
        String runKey = execution.getJobParameters().getString(Params.RUN_KEY);
        Optional<RunLock.Holder> holder = lock.holder(runKey);
        if (holder.isPresent() && holder.get().alive(Instant.now())) {
            return new Outcome(ExitCodes.REFUSED, runKey + " is still running (" + holder.get().describe()
                    + "); not recovering. To stop it: kill -TERM " + holder.get().pid() + " on "
                    + holder.get().host() + " (it ends STOPPED, restartable)", execution);
        }
        if (!execution.getStatus().isRunning()) {
            holder.ifPresent(lock::breakStale);
            return new Outcome(holder.isPresent() ? ExitCodes.COMPLETED : ExitCodes.REFUSED, "execution " + executionId
                    + " of " + runKey + " is " + execution.getStatus() + ", nothing to recover"
                    + (holder.isPresent() ? "; removed the stale run lock of " + holder.get().describe() : ""), execution);
        }
        BatchStatus was = execution.getStatus();
        JobExecution recovered = operator.recover(execution);
        holder.ifPresent(lock::breakStale);
        return new Outcome(ExitCodes.COMPLETED, "execution " + executionId + " of " + runKey + " was "
                + was + " with no live process; now " + recovered.getStatus()
                + ". Restart it with: restart " + executionId + " (or run the same command again)", recovered);
    }

    @SuppressWarnings("try") // the lock is held for the duration of the action
    private Outcome locked(String runKey, Callable<Outcome> action) throws Exception {
        Optional<RunLock.Holder> holder = lock.tryAcquire(runKey);
        if (holder.isPresent()) {
            RunLock.Holder h = holder.get();
            String exec = h.executionId() == null ? "<execution id from: status --run " + runKey + ">"
                    : String.valueOf(h.executionId());
            return new Outcome(ExitCodes.REFUSED, h.alive(Instant.now())
                    ? runKey + " is already running (" + h.describe() + "); refused"
                    : runKey + " is locked by a process that is gone (" + h.describe() + "). Run: recover " + exec
                    + ", then run again", null);
        }
        try (AutoCloseable held = lock.hold(runKey); AutoCloseable watched = watch.watch(runKey)) {
            return action.call();
        } catch (RefusedException e) {
            return new Outcome(ExitCodes.REFUSED, runKey + ": " + e.getMessage(), null);
        }
    }

    private Outcome launchLocked(String runKey, boolean rerun) throws Exception {
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
            } else if (gate.heldWithoutRelease(last.getId())) {
                // Its numbers came from the source as it was: restarting at the gate would judge them again.
                // Recompute everything as a new instance; nothing was sent, so its emails keep the held run's purpose.
                log.warn("{}: execution {} was HELD and not released; recomputing from the source as a new run of the "
                        + "key (to send the held packets as they were instead: release {})", runKey, last.getId(),
                        last.getId());
                operator.abandon(last);
                execution = start(parameters(runKey, n, Params.deliveryPurpose(last.getJobParameters()).code()));
            } else {
                log.info("{}: restarting execution {} ({})", runKey, last.getId(), status);
                execution = operator.restart(last);
            }
        }
        return outcome(runKey, execution);
    }

    private JobExecution start(JobParameters parameters) throws Exception {
        try {
            return operator.start(job, parameters);
        } catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException e) {
            throw new RefusedException(e.getMessage());
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            // another launcher created the same instance first (only possible without the run lock)
            throw new RefusedException("another launch of the same key won: " + e.getMessage());
        }
    }

    private Outcome outcome(String runKey, JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return new Outcome(ExitCodes.COMPLETED, runKey + " completed (execution " + execution.getId() + ")", execution);
        }
        // A partition's own error says more than its manager step's "Partition handler returned an unsuccessful step".
        String why = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().contains(":"))
                .flatMap(s -> s.getFailureExceptions().stream())
                .map(Throwable::getMessage).findFirst()
                .or(() -> remotePartitionFailures(execution))
                .or(() -> execution.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst())
                .orElse(execution.getExitStatus().getExitDescription());
        if (execution.getAllFailureExceptions().stream().anyMatch(DeliveryHeldException.class::isInstance)) {
            return new Outcome(ExitCodes.FAILED, runKey + " HELD (execution " + execution.getId() + "): " + why
                    + "\nNothing was sent to managers. Look at the figures (status --run " + runKey + "). To send the "
                    + "packets as they are: release " + execution.getId() + ". After fixing the source: run the same "
                    + "command again (it recomputes).", execution);
        }
        if (status == BatchStatus.STOPPED) {
            return new Outcome(ExitCodes.FAILED, runKey + " STOPPED (execution " + execution.getId() + ") on request. "
                    + "Run the same command again (or: restart " + execution.getId() + ") to continue where it stopped.",
                    execution);
        }
        return new Outcome(ExitCodes.FAILED, runKey + " " + status + " (execution " + execution.getId() + "): " + why
                + "\nFix the cause and run the same command again to restart where it stopped.", execution);
    }

    /**
     * Partitions rendered by workers (remote mode) fail in another JVM: what they (or the manager's
     * watchdog) recorded is in the job repository, one line each.
     */
    private Optional<String> remotePartitionFailures(JobExecution execution) {
        JobExecution saved = repository.getJobExecution(execution.getId());
        if (saved == null) {
            return Optional.empty();
        }
        String why = saved.getStepExecutions().stream()
                .filter(s -> s.getStepName().contains(":") && s.getStatus() == BatchStatus.FAILED)
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .map(s -> s.getExitStatus().getExitDescription().lines().findFirst().orElse(""))
                .filter(line -> !line.isBlank())
                // the cause first: partitions given up only because of another come last
                .sorted(Comparator.comparing((String line) -> line.contains(" was not taken: ")))
                .collect(Collectors.joining("; "));
        return why.isEmpty() ? Optional.empty() : Optional.of(why);
    }

    static JobParameters parameters(String runKey, long rerun) {
        return builder(runKey, rerun).toJobParameters();
    }

    /** A new instance that recomputes a held one: the same ledger purpose (nothing of the held one was sent). */
    static JobParameters parameters(String runKey, long rerun, String deliveryPurpose) {
        return builder(runKey, rerun).addString(Params.PURPOSE, deliveryPurpose, false).toJobParameters();
    }

    private static JobParametersBuilder builder(String runKey, long rerun) {
        JobParametersBuilder b = new JobParametersBuilder().addString(Params.RUN_KEY, runKey, true);
        if (rerun > 0) {
            b.addLong(Params.RERUN, rerun, true);
        }
        return b;
    }

    /** Another launch of the same key won the race. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }
}
