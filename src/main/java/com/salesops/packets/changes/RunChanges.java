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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a run's changes since its previous run (docs/numbers.md §10) right after its results: finds
 * the previous run, merges both runs' stored credit lines in one pass, stores the figures and the
 * changed deal lines for the packets, and writes {@code changes.csv}.
 */
public final class RunChanges {

    private static final Logger log = LoggerFactory.getLogger(RunChanges.class);
    public static final String FILE = "changes.csv";

    private final RunHistory history;
    private final CreditStore credits;
    private final ResultStore results;
    private final ChangeStore store;

    public RunChanges(RunHistory history, CreditStore credits, ResultStore results, ChangeStore store) {
        this.history = history;
        this.credits = credits;
        this.results = results;
        this.store = store;
    }

    /**
     * @param rows      this run's results (every window, as computed)
     * @param runDir    the run's output folder
     * @param fetchSize the streaming fetch size of the app database
     */
    public void compute(RunPlan plan, Org org, List<NodeResult> rows, Path runDir, int fetchSize) throws IOException {
        String runKey = plan.runKey();
        store.deleteRun(runKey);
        Optional<PreviousRun> found = history.previous(plan);
        if (found.isEmpty()) {
            store.saveComparison(runKey, Optional.empty(), Optional.empty());
            ChangesCsv.write(runDir.resolve(FILE), runKey, Optional.empty(), List.of());
            log.info("{}: no earlier {} run to compare with; {} has the header only", runKey,
                    plan.type().name().toLowerCase(java.util.Locale.ROOT), FILE);
            return;
        }
        PreviousRun previous = found.get();
        Optional<Period> common = previous.commonSpan(plan);
        Map<String, String> parents = new HashMap<>();
        for (Team t : org.teams().values()) {
            if (t.parentId() != null) {
                parents.put(t.id(), t.parentId());
            }
        }
        boolean keyOrder = credits.keyOrderIsCodePointOrder();
        Comparison compared;
        try {
            compared = compare(runKey, previous, plan, common, parents, keyOrder, fetchSize);
        } catch (LineCursor.OutOfOrderException e) {
            if (!keyOrder) {
                throw e;
            }
            // ids the key sorts otherwise than by code point: start again from nothing, sorted
            log.warn("{}: {}; comparing again with the lines sorted by code point", runKey, e.getMessage());
            store.deleteRun(runKey);
            compared = compare(runKey, previous, plan, common, parents, false, fetchSize);
        }
        List<NodeChange> changes = compared.calculator().finish(rows, results.rows(previous.runKey()));
        store.saveNodes(runKey, changes);
        store.saveComparison(runKey, Optional.of(previous.runKey()), Optional.of(previous.asOf()));
        ChangesCsv.write(runDir.resolve(FILE), runKey, Optional.of(previous.runKey()), changes);
        log.info("{}: compared with {} (common span {}): {} rows, {} changed deal lines", runKey, previous.runKey(),
                common.map(Period::toString).orElse("none"), changes.size(), compared.changedLines());
    }

    /** A finished merge of both runs' lines: the calculator that holds its totals, and the changed lines it stored. */
    private record Comparison(ChangesCalculator calculator, long changedLines) {
    }

    /**
     * Merges both runs' lines in one pass and stores the changed lines; {@code keyOrder}: read them in
     * the primary key's order (no sort on the server), which throws {@link LineCursor.OutOfOrderException}
     * at the first line that is not in code point order.
     */
    private Comparison compare(String runKey, PreviousRun previous, RunPlan plan, Optional<Period> common,
                               Map<String, String> parents, boolean keyOrder, int fetchSize) {
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
        try (LineCursor current = lines(runKey, new Period(from, plan.asOf()), keyOrder, fetchSize);
             LineCursor before = common.map(c -> lines(previous.runKey(), c, keyOrder, fetchSize)).orElse(null)) {
            Iterator<StoredLine> none = Collections.emptyIterator();
            calculator.accept(current, before == null ? none : before);
        }
        store.saveLines(runKey, batch);
        return new Comparison(calculator, lines[0]);
    }

    private LineCursor lines(String runKey, Period span, boolean keyOrder, int fetchSize) {
        return keyOrder ? credits.linesDatedInKeyOrder(runKey, span, fetchSize) : credits.linesDated(runKey, span, fetchSize);
    }
}
