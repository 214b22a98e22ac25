package com.salesops.packets.run;

import com.salesops.packets.source.RunContexts;
import com.salesops.packets.source.SourceReader;
import com.salesops.packets.support.Progress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Plain log lines an operator can follow: the run and each step start and end with their counts,
 * and the long steps (extract, render, deliver) log done/total, rate and ETA at most every
 * {@link #EVERY}. A step announces its total in its execution context under {@link Progress#TOTAL};
 * the extract step's total is the source's booking count.
 */
final class RunProgress implements JobExecutionListener, StepExecutionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunProgress.class);

    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Set<String> LONG_STEPS = Set.of(Steps.EXTRACT, Steps.RENDER_PARTITION, Steps.DELIVER);

    private final SourceReader source;
    private final RunContexts contexts;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-progress");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, ScheduledFuture<?>> ticking = new ConcurrentHashMap<>();

    RunProgress(SourceReader source, RunContexts contexts) {
        this.source = source;
        this.contexts = contexts;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        log.info("{}: execution {} started", Params.runKey(execution), execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        log.info("{}: execution {} ended {} after {}", Params.runKey(execution), execution.getId(),
                execution.getStatus(), seconds(execution.getStartTime(), execution.getEndTime()));
    }

    @Override
    public void beforeStep(StepExecution step) {
        String runKey = runKey(step);
        log.info("{}: step {} started", runKey, step.getStepName());
        if (!LONG_STEPS.contains(step.getStepName().split(":")[0])) { // partitions: name:partitionN
            return;
        }
        if (step.getStepName().equals(Steps.EXTRACT) && !step.getExecutionContext().containsKey(Progress.TOTAL)) {
            step.getExecutionContext().putLong(Progress.TOTAL, countBookings(runKey));
        }
        long startedNanos = System.nanoTime();
        ticking.put(step.getId(), ticker.scheduleAtFixedRate(() -> tick(step, startedNanos), EVERY.toMillis(),
                EVERY.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ScheduledFuture<?> tick = ticking.remove(step.getId());
        if (tick != null) {
            tick.cancel(false);
        }
        log.info("{}: step {} {} in {}: read {}, written {}, skipped {}", runKey(step), step.getStepName(),
                step.getStatus(), seconds(step.getStartTime(), LocalDateTime.now()), step.getReadCount(),
                step.getWriteCount(), step.getSkipCount());
        return step.getExitStatus();
    }

    /** Stops the progress thread with the application context. */
    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private void tick(StepExecution step, long startedNanos) {
        try {
            long done = step.getStepName().equals(Steps.EXTRACT) ? step.getReadCount() : step.getWriteCount();
            long total = step.getExecutionContext().getLong(Progress.TOTAL, -1L);
            double secs = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
            double rate = done / secs;
            String eta = total <= 0 || rate <= 0 ? "?" : (Math.max(0, Math.round((total - done) / rate))) + " s";
            log.info("{}: {} {}/{} ({}), {}/s, ETA {}", runKey(step), step.getStepName(), done,
                    total < 0 ? "?" : total, total > 0 ? (100 * done / total) + " %" : "?",
                    String.format(java.util.Locale.ROOT, "%.1f", rate), eta);
        } catch (RuntimeException e) {
            log.debug("progress: {}", e.getMessage());
        }
    }

    private long countBookings(String runKey) {
        try {
            return source.countBookings(contexts.plan(runKey));
        } catch (RuntimeException e) {
            return -1; // the step itself reports a broken source
        }
    }

    private static String runKey(StepExecution step) {
        return Params.runKey(step.getJobExecution());
    }

    private static String seconds(LocalDateTime from, LocalDateTime to) {
        if (from == null || to == null) {
            return "?";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }
}
