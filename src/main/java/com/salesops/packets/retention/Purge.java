package com.salesops.packets.retention;

import com.salesops.packets.calendar.RunType;
import com.salesops.packets.history.HistoryEntry;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.support.RunRows;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;

/**
 * {@code purge} (docs/architecture.md, "Retention"): removes the runs past retention — their rows in the job's
 * tables, each deleted by the store that owns it, and their folder under the output folder — and says what it
 * removed. Never removed: the latest completed run of each type (the next run's previous run), a run whose
 * latest execution is not COMPLETED, the delivery ledger, the delivery gate's records, the run history (a
 * purged run stays in it, marked purged) and Spring Batch's tables. Each run it removes is locked with its run
 * lock for the time it takes; when one of them is running, the whole purge is refused and nothing is removed.
 * Runs that completed before the run history existed are recorded in it first, so they age out too.
 */
public final class Purge {

    private static final Logger log = LoggerFactory.getLogger(Purge.class);
    /** A run key's folder name; anything else is never deleted. */
    private static final Pattern RUN_KEY = Pattern.compile("nightly-\\d{4}-\\d{2}-\\d{2}|monthly-\\d{4}-\\d{2}");

    private final RunHistory history;
    private final List<RunRows> stores;
    private final RunGuard guard;
    private final RetentionPolicy policy;
    private final Path outputDir;
    private final Clock clock;
    private final ZoneId zone;
    private final int batchRows;

    public Purge(RunHistory history, List<RunRows> stores, RunGuard guard, RetentionPolicy policy, Path outputDir,
                 Clock clock, ZoneId zone, int batchRows) {
        this.history = history;
        this.stores = List.copyOf(stores);
        this.guard = guard;
        this.policy = policy;
        this.outputDir = outputDir;
        this.clock = clock;
        this.zone = zone;
        this.batchRows = batchRows;
    }

    /**
     * Removes the runs past retention, or with {@code dryRun} only says what it would remove.
     *
     * @param justCompleted the run whose completion triggered this purge: never removed by it (a rerun
     *                      of an old key is past retention the moment it completes)
     */
    public PurgeReport purge(boolean dryRun, Optional<String> justCompleted) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<PurgeReport.Kept> kept = new ArrayList<>();
        List<HistoryEntry> doomed = pastRetention(today, justCompleted, kept);
        List<PurgeReport.Removal> removals = new ArrayList<>();
        if (dryRun) {
            for (HistoryEntry e : doomed) {
                removals.add(new PurgeReport.Removal(e.runKey(), counts(e.runKey()), bytes(folder(e.runKey()), false)));
            }
            return report(true, today, removals, kept, Optional.empty());
        }
        List<RunGuard.Held> locks = new ArrayList<>();
        try {
            for (HistoryEntry e : doomed) {
                try {
                    locks.add(guard.hold(e.runKey()));
                } catch (RunGuard.KeyBusyException busy) {
                    return report(false, today, List.of(), kept, Optional.of(busy.getMessage()));
                }
            }
            for (HistoryEntry e : doomed) {
                // chosen before its lock was taken: a launch of it may have come in between
                if (guard.latestStatus(e.runKey()) != BatchStatus.COMPLETED || history.entry(e.runKey()).isEmpty()) {
                    kept.add(new PurgeReport.Kept(e.runKey(), "launched again while the purge started"));
                    continue;
                }
                removals.add(remove(e.runKey()));
            }
        } finally {
            locks.forEach(RunGuard.Held::close);
        }
        return report(false, today, removals, kept, Optional.empty());
    }

    /** The runs to remove, oldest first; the runs past retention that stay go to {@code kept}, with why. */
    private List<HistoryEntry> pastRetention(LocalDate today, Optional<String> justCompleted,
                                             List<PurgeReport.Kept> kept) {
        List<String> recorded = guard.recordCompletedRunsMissingFromHistory();
        if (!recorded.isEmpty()) {
            log.info("run history: recorded {} completed run(s) it did not know (completed before it existed): {}",
                    recorded.size(), recorded);
        }
        List<HistoryEntry> entries = history.entries(); // newest as-of first
        Map<RunType, String> latest = new EnumMap<>(RunType.class);
        entries.stream().filter(e -> !e.purged()).forEach(e -> latest.putIfAbsent(e.type(), e.runKey()));
        List<HistoryEntry> doomed = new ArrayList<>();
        List<HistoryEntry> oldestFirst = new ArrayList<>(entries);
        java.util.Collections.reverse(oldestFirst);
        for (HistoryEntry e : oldestFirst) {
            boolean completedJustNow = justCompleted.filter(e.runKey()::equals).isPresent();
            if (!policy.pastRetention(e.type(), e.asOf(), today) || completedJustNow) {
                continue;
            }
            if (e.runKey().equals(latest.get(e.type()))) {
                kept.add(new PurgeReport.Kept(e.runKey(), "the latest completed " + e.type().name().toLowerCase(
                        java.util.Locale.ROOT) + " (the next run's previous run)"));
                continue;
            }
            BatchStatus status = guard.latestStatus(e.runKey());
            if (status != BatchStatus.COMPLETED) {
                kept.add(new PurgeReport.Kept(e.runKey(), "its latest execution is " + status + ", not COMPLETED "
                        + "(it may be restarted)"));
                continue;
            }
            if (e.purged() && counts(e.runKey()).values().stream().allMatch(n -> n == 0)
                    && !Files.exists(folder(e.runKey()))) {
                continue; // purged before, nothing left
            }
            doomed.add(e);
        }
        return doomed;
    }

    /**
     * Marks the run purged first (from then on it is nobody's previous run and status says so), then
     * deletes its rows store by store and its folder. Interrupted half way, the next purge finishes it.
     */
    private PurgeReport.Removal remove(String runKey) {
        long start = System.nanoTime();
        history.markPurged(runKey, clock.instant());
        Map<String, Long> rows = new LinkedHashMap<>();
        for (RunRows store : stores) {
            store.deleteRun(runKey, batchRows).forEach((table, n) -> rows.merge(table, n, Long::sum));
        }
        long bytes = bytes(folder(runKey), true);
        PurgeReport.Removal removal = new PurgeReport.Removal(runKey, rows, bytes);
        log.info("purge: {} removed in {} ms", runKey, (System.nanoTime() - start) / 1_000_000);
        return removal;
    }

    private Map<String, Long> counts(String runKey) {
        Map<String, Long> rows = new LinkedHashMap<>();
        stores.forEach(store -> store.countRun(runKey).forEach((table, n) -> rows.merge(table, n, Long::sum)));
        return rows;
    }

    private Path folder(String runKey) {
        if (!RUN_KEY.matcher(runKey).matches()) {
            throw new IllegalArgumentException("not a run key, no folder of it is removed: " + runKey);
        }
        return outputDir.resolve(runKey);
    }

    /** The bytes of the files under {@code folder} (links are not followed); with {@code delete}, deletes it all. */
    private static long bytes(Path folder, boolean delete) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    if (delete) {
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    if (delete) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot " + (delete ? "remove " : "measure ") + folder + ": "
                    + e.getMessage(), e);
        }
        return total[0];
    }

    private PurgeReport report(boolean dryRun, LocalDate today, List<PurgeReport.Removal> removals,
                               List<PurgeReport.Kept> kept, Optional<String> refused) {
        return new PurgeReport(dryRun, today, policy.nightliesKeptFrom(today), policy.monthliesKeptFrom(today),
                removals, kept, refused);
    }
}
