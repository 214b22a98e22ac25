package com.salesops.packets.changes;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.credit.LineCursor;
import com.salesops.packets.credit.StoredLine;
import com.salesops.packets.history.PreviousRun;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.source.Org;
import com.salesops.packets.source.Team;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes a run's changes since its previous run (docs/numbers.md §10): finds the previous run, merges
 * both runs' stored credit lines in one pass, stores the figures and the changed deal lines for the
 * packets, and writes {@code changes.csv}.
 *
 * <p>The merge needs only both runs' stored lines, not this run's results, so it runs on a thread of its
 * own while the compute step's main pass computes them ({@link #begin}; docs/performance.md, "Changes
 * since the last run, beside the results"): on two cores the two passes overlap instead of following
 * each other. The merge stores the changed lines in a transaction of its own, committed when it is done; the figures
 * per node and the record of the comparison are stored by {@link Comparing#finish} in the caller's
 * transaction once this run's results exist. A step that fails in between leaves at most the changed
 * lines of a finished merge, which the next attempt deletes before it stores its own.
 */
public final class RunChanges {

    private static final Logger log = LoggerFactory.getLogger(RunChanges.class);
    public static final String FILE = "changes.csv";

    private final RunHistory history;
    private final CreditStore credits;
    private final ResultStore results;
    private final ChangeStore store;
    private final TransactionTemplate transaction;

    public RunChanges(RunHistory history, CreditStore credits, ResultStore results, ChangeStore store,
                      PlatformTransactionManager transactions) {
        this.history = history;
        this.credits = credits;
        this.results = results;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts the comparison of the run of {@code plan} with its previous run, on a thread of its own.
     * Close what it returns (it waits for the thread; unfinished, it stops it first).
     *
     * @param fetchSize the streaming fetch size of the app database
     */
    public Comparing begin(RunPlan plan, Org org, int fetchSize) {
        Map<String, String> parents = new HashMap<>();
        for (Team t : org.teams().values()) {
            if (t.parentId() != null) {
                parents.put(t.id(), t.parentId());
            }
        }
        Merge merge = new Merge(plan, parents, fetchSize);
        Thread thread = new Thread(merge, "changes-merge");
        thread.setDaemon(true);
        thread.start();
        return new Comparing(merge, thread);
    }

    /**
     * A comparison begun by {@link #begin}, its merge on {@code thread}: {@link #finish} it with this run's
     * results, then close it.
     */
    public final class Comparing implements AutoCloseable {

        private final Merge merge;
        private final Thread thread;
        /** Whether {@link #finish} took the merge's outcome (a failure it did not take is logged on close). */
        private boolean taken;

        private Comparing(Merge merge, Thread thread) {
            this.merge = merge;
            this.thread = thread;
        }

        /**
         * Waits for the merge, then stores the figures per node (this run's and the previous run's
         * results side by side) and writes {@code changes.csv} into {@code runDir}.
         *
         * @param rows this run's results (every window, as computed)
         */
        public void finish(List<NodeResult> rows, Path runDir) throws IOException, InterruptedException {
            RunPlan plan = merge.plan;
            String runKey = plan.runKey();
            Comparison compared = outcome();
            if (compared.previous().isEmpty()) {
                store.saveComparison(runKey, Optional.empty(), Optional.empty());
                ChangesCsv.write(runDir.resolve(FILE), runKey, Optional.empty(), List.of());
                log.info("{}: no earlier {} run to compare with; {} has the header only", runKey,
                        plan.type().name().toLowerCase(java.util.Locale.ROOT), FILE);
                return;
            }
            PreviousRun before = compared.previous().get();
            List<NodeChange> changes = compared.calculator().finish(rows, results.rows(before.runKey()));
            store.saveNodes(runKey, changes);
            store.saveComparison(runKey, Optional.of(before.runKey()), Optional.of(before.asOf()));
            ChangesCsv.write(runDir.resolve(FILE), runKey, Optional.of(before.runKey()), changes);
            log.info("{}: compared with {} (common span {}): {} rows, {} changed deal lines", runKey,
                    before.runKey(), before.commonSpan(plan).map(Period::toString).orElse("none"), changes.size(),
                    compared.changedLines());
        }

        private Comparison outcome() throws InterruptedException {
            thread.join();
            taken = true;
            if (merge.failure instanceof RuntimeException r) {
                throw r;
            }
            if (merge.failure instanceof Error e) {
                throw e;
            }
            if (merge.failure != null) {
                throw new IllegalStateException(merge.failure);
            }
            return merge.result;
        }

        /** Stops an unfinished merge (its transaction rolls back) and waits for its thread. */
        @Override
        public void close() {
            merge.stopped = true;
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (!taken && merge.failure != null && !(merge.failure instanceof CancellationException)) {
                // the step failed for another reason first; this one would otherwise go unseen
                log.warn("{}: the comparison with the previous run failed as well", merge.plan.runKey(),
                        merge.failure);
            }
        }
    }

    /**
     * On its own thread, in its own transaction: deletes what an earlier attempt of the run stored, finds
     * the previous run and merges both runs' lines.
     */
    private final class Merge implements Runnable {

        private final RunPlan plan;
        private final Map<String, String> parents;
        private final int fetchSize;
        private volatile boolean stopped;
        private Comparison result;
        private Throwable failure;

        Merge(RunPlan plan, Map<String, String> parents, int fetchSize) {
            this.plan = plan;
            this.parents = parents;
            this.fetchSize = fetchSize;
        }

        @Override
        public void run() {
            try {
                result = transaction.execute(status -> merge());
            } catch (Throwable t) {
                failure = t;
            }
        }

        private Comparison merge() {
            String runKey = plan.runKey();
            store.deleteRun(runKey);
            Optional<PreviousRun> found = history.previous(plan);
            if (found.isEmpty()) {
                return new Comparison(Optional.empty(), null, 0);
            }
            PreviousRun previous = found.get();
            checkNotStopped();
            boolean keyOrder = credits.keyOrderIsCodePointOrder();
            try {
                return compare(previous, keyOrder);
            } catch (LineCursor.OutOfOrderException e) {
                if (!keyOrder) {
                    throw e;
                }
                // ids the key sorts otherwise than by code point: start again from nothing, sorted
                log.warn("{}: {}; comparing again with the lines sorted by code point", runKey, e.getMessage());
                checkNotStopped();
                store.deleteRun(runKey);
                return compare(previous, false);
            }
        }

        /**
         * Merges both runs' lines in one pass and stores the changed lines; {@code keyOrder}: read them in
         * the primary key's order (no sort on the server), which throws {@link LineCursor.OutOfOrderException}
         * at the first line that is not in code point order.
         */
        private Comparison compare(PreviousRun previous, boolean keyOrder) {
            String runKey = plan.runKey();
            Optional<Period> common = previous.commonSpan(plan);
            List<ChangedLine> batch = new ArrayList<>();
            long[] lines = {0};
            ChangesCalculator calculator = new ChangesCalculator(previous.asOf(), common, parents, line -> {
                batch.add(line);
                lines[0]++;
                if (batch.size() >= ChangeStore.BATCH) {
                    store.saveLines(runKey, batch);
                    batch.clear();
                }
            });
            LocalDate from = common.map(Period::start).orElse(previous.asOf().plusDays(1));
            try (LineCursor current = lines(runKey, new Period(from, plan.asOf()), keyOrder);
                 LineCursor before = common.map(c -> lines(previous.runKey(), c, keyOrder)).orElse(null)) {
                Iterator<StoredLine> none = Collections.emptyIterator();
                calculator.accept(unlessStopped(current), before == null ? none : unlessStopped(before));
            }
            store.saveLines(runKey, batch);
            return new Comparison(Optional.of(previous), calculator, lines[0]);
        }

        /**
         * The lines, until the step stops the merge: then the next line throws. (Closing a cursor the
         * merge did not finish still reads the rest of its rows with a streaming driver.)
         */
        private Iterator<StoredLine> unlessStopped(Iterator<StoredLine> lines) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    checkNotStopped();
                    return lines.hasNext();
                }

                @Override
                public StoredLine next() {
                    return lines.next();
                }
            };
        }

        private void checkNotStopped() {
            if (stopped) {
                throw new CancellationException("the comparison with the previous run was stopped");
            }
        }

        private LineCursor lines(String runKey, Period span, boolean keyOrder) {
            return keyOrder ? credits.linesDatedInKeyOrder(runKey, span, fetchSize)
                    : credits.linesDated(runKey, span, fetchSize);
        }
    }

    /**
     * A finished merge: the previous run (none: nothing to compare with), the calculator that holds the
     * totals of both runs' lines, and the changed lines it stored.
     */
    private record Comparison(Optional<PreviousRun> previous, ChangesCalculator calculator, long changedLines) {
    }
}
