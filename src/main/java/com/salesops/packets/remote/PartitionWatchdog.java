package com.salesops.packets.remote;

import com.salesops.packets.config.PacketsProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's side of the dead-worker rule (docs/architecture.md, "Remote rendering"), running
 * beside the polling partition handler while the manager step waits. Every poll it reads the step's partitions and their claims:
 * <ul>
 * <li>a running partition whose worker's heartbeat is older than {@code stale-after} is marked
 *     FAILED, naming the partition and the worker (the worker died, or lost the app database);</li>
 * <li>partitions no worker took are marked FAILED when, for {@code start-timeout}, no worker took,
 *     heartbeat or finished any partition at all (of any run: busy workers are not missing ones),
 *     or at once when a partition already failed and no worker was seen for {@code stale-after}.</li>
 * </ul>
 * A FAILED partition is no longer running, so the handler's poll returns and the step and the run
 * fail; the same command restarts only the partitions that did not complete. Every mark is an
 * optimistic-locked update: when a worker starts the partition at the same moment, one side loses
 * and the next poll looks again. Also logs who took and finished each partition.
 */
final class PartitionWatchdog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionWatchdog.class);

    /** The job's identifying parameter (the run key, see run.Params). */
    static final String RUN_KEY = "runKey";

    private final JobRepository jobRepository;
    private final PartitionClaims claims;
    private final String workerStepName;
    private final PacketsProperties.Workers settings;
    private final Duration poll;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partition-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Watch> watches = new HashMap<>();

    /** What the watchdog knows of one manager step execution. */
    private static final class Watch {
        final Instant startedAt;
        final Map<Long, String> reported = new HashMap<>();
        ScheduledFuture<?> future;

        Watch(Instant startedAt) {
            this.startedAt = startedAt;
        }
    }

    PartitionWatchdog(JobRepository jobRepository, PartitionClaims claims, String workerStepName,
                      PacketsProperties.Workers settings, Duration poll) {
        this.jobRepository = jobRepository;
        this.claims = claims;
        this.workerStepName = workerStepName;
        this.settings = settings;
        this.poll = poll;
    }

    @Override
    public synchronized void beforeStep(StepExecution manager) {
        Watch watch = new Watch(claims.now());
        long jobExecutionId = manager.getJobExecutionId();
        String runKey = manager.getJobExecution().getJobParameters().getString(RUN_KEY);
        watch.future = scheduler.scheduleWithFixedDelay(() -> {
            try {
                check(jobExecutionId, runKey, watch);
            } catch (RuntimeException e) {
                log.warn("{}: could not check the render partitions (will try again): {}", runKey, e.getMessage());
            }
        }, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        watches.put(manager.getId(), watch);
        log.info("{}: render partitions sent to queue {}; waiting for workers (stale-after {}, start-timeout {})", runKey,
                settings.queue(), settings.staleAfter(), settings.startTimeout());
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution manager) {
        Watch watch = watches.remove(manager.getId());
        if (watch != null) {
            watch.future.cancel(false);
        }
        return null;
    }

    private void check(long jobExecutionId, String runKey, Watch watch) {
        JobExecution job = jobRepository.getJobExecution(jobExecutionId);
        if (job == null) {
            return;
        }
        List<StepExecution> partitions = job.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(workerStepName + ":"))
                .sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        Map<Long, PartitionClaims.Claim> claimed = claims.ofJobExecution(jobExecutionId);
        Instant now = claims.now();
        logChanges(runKey, partitions, claimed, watch);

        Optional<String> failedAlready = partitions.stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.STOPPED)
                .map(StepExecution::getStepName).findFirst();
        List<StepExecution> waiting = new ArrayList<>();
        for (StepExecution partition : partitions) {
            if (!partition.getStatus().isRunning()) {
                continue;
            }
            PartitionClaims.Claim claim = claimed.get(partition.getId());
            if (claim == null) {
                waiting.add(partition);
            } else if (!claim.finished() && claim.heartbeatAt().plus(settings.staleAfter()).isBefore(now)) {
                String why = "partition " + partition.getStepName() + " failed: its worker " + claim.worker()
                        + " sent no heartbeat for " + seconds(Duration.between(claim.heartbeatAt(), now))
                        + " (packets.workers.stale-after " + settings.staleAfter() + "); the worker died or lost the "
                        + "app database";
                if (fail(partition, why)) {
                    failedAlready = Optional.of(partition.getStepName());
                }
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        Instant lastActivity = claims.lastWorkerActivity().filter(t -> t.isAfter(watch.startedAt)).orElse(watch.startedAt);
        Duration idle = Duration.between(lastActivity, now);
        for (StepExecution partition : waiting) {
            if (idle.compareTo(settings.startTimeout()) > 0) {
                fail(partition, "no worker took partition " + partition.getStepName() + " within "
                        + settings.startTimeout() + " (packets.workers.start-timeout): no worker took, rendered or "
                        + "finished any partition since " + lastActivity + ". Start `packets worker` processes "
                        + "(queue " + settings.queue() + ") and run the same command again");
            } else if (failedAlready.isPresent() && idle.compareTo(settings.staleAfter()) > 0) {
                fail(partition, "partition " + partition.getStepName() + " was not taken: " + failedAlready.get()
                        + " did not complete and no worker is alive (none seen for " + seconds(idle) + ")");
            }
        }
    }

    /** Marks the partition FAILED unless a worker changed it meanwhile; true when it did. */
    private boolean fail(StepExecution partition, String why) {
        StepExecution fresh = jobRepository.getStepExecution(partition.getId());
        if (fresh == null || !fresh.getStatus().isRunning()) {
            return false;
        }
        fresh.setStatus(BatchStatus.FAILED);
        fresh.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        fresh.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(fresh);
        } catch (OptimisticLockingFailureException e) {
            return false; // a worker started or finished it at this moment: look again at the next poll
        }
        log.error("{}: {}", fresh.getJobExecution().getJobParameters().getString(RUN_KEY), why);
        return true;
    }

    /** One log line when a worker takes a partition and one when the partition ends. */
    private static void logChanges(String runKey, List<StepExecution> partitions, Map<Long, PartitionClaims.Claim> claimed,
                                   Watch watch) {
        for (StepExecution partition : partitions) {
            PartitionClaims.Claim claim = claimed.get(partition.getId());
            String state = claim == null ? "waiting"
                    : partition.getStatus().isRunning() ? "taken" : partition.getStatus().toString();
            String before = watch.reported.put(partition.getId(), state);
            if (state.equals(before) || state.equals("waiting")) {
                continue;
            }
            if (state.equals("taken")) {
                log.info("{}: {} taken by worker {}", runKey, partition.getStepName(), claim.worker());
            } else {
                log.info("{}: {} {} on worker {}: {} packets", runKey, partition.getStepName(), state, claim.worker(),
                        partition.getWriteCount());
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
