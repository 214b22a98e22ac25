package com.salesops.packets.history;

import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.RunType;
import com.salesops.packets.credit.CreditStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records each run key that completed and finds a run's previous run (docs/numbers.md §10): the latest
 * completed run of the same type with an earlier as-of, not purged, and still whole — its credit
 * lines and result rows number what they did when it completed (rows removed by hand make it
 * unusable, and it is skipped with a log line saying why).
 */
public final class RunHistory {

    private static final Logger log = LoggerFactory.getLogger(RunHistory.class);
    private static final String COLUMNS =
            "run_key, run_type, as_of, read_start, completed_at, credit_lines, result_rows, purged_at";

    private final JdbcTemplate jdbc;
    private final CreditStore credits;
    private final ResultStore results;

    public RunHistory(DataSource app, CreditStore credits, ResultStore results) {
        this.jdbc = new JdbcTemplate(app);
        this.credits = credits;
        this.results = results;
    }

    /** A new instance of the key starts: until it completes, it is nobody's previous run. */
    public void forget(String runKey) {
        jdbc.update("DELETE FROM run_history WHERE run_key = ?", runKey);
    }

    /** The run completed: records it with its row counts, so a later run can compare with it. */
    public void recordCompleted(RunPlan plan) {
        forget(plan.runKey());
        jdbc.update("INSERT INTO run_history (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                plan.runKey(), plan.type().name(), java.sql.Date.valueOf(plan.asOf()),
                java.sql.Date.valueOf(plan.readStart()), Timestamp.from(Instant.now()),
                credits.lineCount(plan.runKey()), results.rowCount(plan.runKey()));
    }

    /** docs/numbers.md §10: the run {@code plan} compares with, if any. */
    public Optional<PreviousRun> previous(RunPlan plan) {
        List<HistoryEntry> candidates = jdbc.query("SELECT " + COLUMNS + " FROM run_history WHERE run_type = ? "
                + "AND as_of < ? AND purged_at IS NULL ORDER BY as_of DESC", (rs, i) -> entry(rs),
                plan.type().name(), java.sql.Date.valueOf(plan.asOf()));
        for (HistoryEntry e : candidates) {
            long lines = credits.lineCount(e.runKey());
            long rows = results.rowCount(e.runKey());
            if (lines == e.creditLines() && rows == e.resultRows()) {
                return Optional.of(e.asPreviousRun());
            }
            log.warn("{}: not comparing with {}: it is not whole any more ({} of {} credit lines, {} of {} result "
                    + "rows left); trying an earlier run", plan.runKey(), e.runKey(), lines, e.creditLines(), rows,
                    e.resultRows());
        }
        return Optional.empty();
    }

    public void markPurged(String runKey, Instant when) {
        jdbc.update("UPDATE run_history SET purged_at = ? WHERE run_key = ?", Timestamp.from(when), runKey);
    }

    public Optional<HistoryEntry> entry(String runKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM run_history WHERE run_key = ?", (rs, i) -> entry(rs), runKey)
                .stream().findFirst();
    }

    /** Every recorded run, newest as-of first. */
    public List<HistoryEntry> entries() {
        return jdbc.query("SELECT " + COLUMNS + " FROM run_history ORDER BY as_of DESC, run_key",
                (rs, i) -> entry(rs));
    }

    private static HistoryEntry entry(ResultSet rs) throws SQLException {
        Timestamp purged = rs.getTimestamp(8);
        return new HistoryEntry(rs.getString(1), RunType.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7),
                Optional.ofNullable(purged).map(Timestamp::toInstant));
    }
}
