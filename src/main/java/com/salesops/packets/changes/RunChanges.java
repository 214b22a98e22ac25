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
        try (LineCursor current = credits.linesDated(runKey, new Period(from, plan.asOf()), fetchSize);
             LineCursor before = common.map(c -> credits.linesDated(previous.runKey(), c, fetchSize)).orElse(null)) {
            Iterator<StoredLine> none = Collections.emptyIterator();
            calculator.accept(current, before == null ? none : before);
        }
        store.saveLines(runKey, batch);
        List<NodeChange> changes = calculator.finish(rows, results.rows(previous.runKey()));
        store.saveNodes(runKey, changes);
        store.saveComparison(runKey, Optional.of(previous.runKey()), Optional.of(previous.asOf()));
        ChangesCsv.write(runDir.resolve(FILE), runKey, Optional.of(previous.runKey()), changes);
        log.info("{}: compared with {} (common span {}): {} rows, {} changed deal lines", runKey, previous.runKey(),
                common.map(Period::toString).orElse("none"), changes.size(), lines[0]);
    }
}
