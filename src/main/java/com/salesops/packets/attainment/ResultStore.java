package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.support.BatchedDelete;
import com.salesops.packets.support.RunRows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's results and flags in the app database. Percentages are stored as printed (2 decimals,
 * HALF_UP): everything downstream (packets, emails) shows exactly the figures of attainment.csv.
 */
public final class ResultStore implements RunRows {

    private static final String COLUMNS = "window_name, node_level, node_id, node_name, team_id, period_start, "
            + "period_end, quota, credited, attainment_pct, expected_pct, pace_index, pace_status, projected_pct, "
            + "gap_to_quota, deal_count, rank_in_team, rank_in_company, comp_estimate, sum_of_rep_quotas, "
            + "over_assignment_pct, current_tier, credit_to_next_tier, ranked";

    /** The tables holding rows per run key, in the order a purge deletes them. */
    private static final List<String> RUN_TABLES = List.of("attainment_flag", "node_month", "node_result");

    private final JdbcTemplate jdbc;

    public ResultStore(DataSource appDataSource) {
        this.jdbc = new JdbcTemplate(appDataSource);
    }

    public void replace(String runKey, AttainmentResults results) {
        jdbc.update("DELETE FROM node_result WHERE run_key = ?", runKey);
        jdbc.update("DELETE FROM attainment_flag WHERE run_key = ?", runKey);
        List<Object[]> rows = new ArrayList<>();
        for (NodeResult r : results.rows()) {
            rows.add(new Object[] {runKey, r.window().name(), r.level().name(), r.nodeId(), r.nodeName(),
                    r.teamId().orElse(null), Date.valueOf(r.period().start()), Date.valueOf(r.period().end()),
                    r.quota().orElse(null), r.credited(), pct(r.attainmentPct()), round(r.expectedPct()),
                    pct(r.paceIndex()), r.paceStatus().map(Enum::name).orElse(null), pct(r.projectedPct()),
                    r.gapToQuota().orElse(null), r.dealCount(), integer(r.rankInTeam()),
                    integer(r.rankInCompany()), r.compEstimate().orElse(null), r.sumOfRepQuotas().orElse(null),
                    pct(r.overAssignmentPct()), integer(r.currentTier()), r.creditToNextTier().orElse(null),
                    r.ranked()});
        }
        jdbc.batchUpdate("INSERT INTO node_result (run_key, " + COLUMNS + ") VALUES ("
                + "?,".repeat(24) + "?)", rows);
        List<Object[]> flags = new ArrayList<>();
        for (Flag f : results.flags()) {
            flags.add(new Object[] {runKey, f.flag().name(), f.employeeId(), f.teamId(),
                    Date.valueOf(f.period().start()), Date.valueOf(f.period().end()),
                    String.join(";", f.bookingIds()), f.amount()});
        }
        jdbc.batchUpdate("INSERT INTO attainment_flag (run_key, flag, employee_id, team_id, period_start, "
                + "period_end, booking_ids, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", flags);
        jdbc.update("DELETE FROM node_month WHERE run_key = ?", runKey);
        List<Object[]> months = new ArrayList<>();
        for (MonthFigure m : results.months()) {
            months.add(new Object[] {runKey, m.level().name(), m.nodeId(), Date.valueOf(m.month()),
                    m.quota().orElse(null), m.credited()});
        }
        jdbc.batchUpdate("INSERT INTO node_month (run_key, node_level, node_id, month_start, quota, credited) "
                + "VALUES (?, ?, ?, ?, ?, ?)", months);
    }

    /** A run's month-by-month figures (the Trend) of the given nodes, by node then month. */
    public List<MonthFigure> months(String runKey) {
        return jdbc.query("SELECT node_level, node_id, month_start, quota, credited FROM node_month WHERE run_key = ? "
                        + "ORDER BY node_level, node_id, month_start",
                (rs, i) -> new MonthFigure(Level.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getDate(3).toLocalDate(), money(rs, 4), rs.getBigDecimal(5).setScale(2)), runKey);
    }

    /** How many result rows a run has (the run history's wholeness check). */
    public long rowCount(String runKey) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM node_result WHERE run_key = ?", Long.class, runKey);
        return n == null ? 0 : n;
    }

    /** Retention: the run's rows in attainment_flag, node_month and node_result. */
    @Override
    public Map<String, Long> countRun(String runKey) {
        return BatchedDelete.countRun(jdbc, RUN_TABLES, runKey);
    }

    /** Retention: removes the run's rows a batch at a time. */
    @Override
    public Map<String, Long> deleteRun(String runKey, int batchSize) {
        return BatchedDelete.deleteRun(jdbc, RUN_TABLES, runKey, batchSize);
    }

    /** Every result row of a run, in attainment.csv order. */
    public List<NodeResult> rows(String runKey) {
        List<NodeResult> rows = jdbc.query("SELECT " + COLUMNS + " FROM node_result WHERE run_key = ?",
                (rs, i) -> row(rs), runKey);
        rows.sort(ResultOrder.ROWS);
        return rows;
    }

    public List<Flag> flags(String runKey) {
        List<Flag> flags = jdbc.query("SELECT flag, employee_id, team_id, period_start, period_end, booking_ids, amount "
                + "FROM attainment_flag WHERE run_key = ?", (rs, i) -> new Flag(FlagType.valueOf(rs.getString(1)),
                rs.getString(2), rs.getString(3), new Period(rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()),
                rs.getString(6).isEmpty() ? List.of() : Arrays.asList(rs.getString(6).split(";")),
                rs.getBigDecimal(7).setScale(2)), runKey);
        flags.sort(ResultOrder.FLAGS);
        return flags;
    }

    private static NodeResult row(ResultSet rs) throws SQLException {
        return new NodeResult(Window.valueOf(rs.getString(1)),
                new Period(rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate()),
                Level.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), Optional.ofNullable(rs.getString(5)),
                money(rs, 8), rs.getBigDecimal(9).setScale(2), money(rs, 10), rs.getBigDecimal(11),
                money(rs, 12), Optional.ofNullable(rs.getString(13)).map(PaceStatus::valueOf), money(rs, 14),
                money(rs, 15), rs.getInt(16), optInt(rs, 17), optInt(rs, 18), money(rs, 19), money(rs, 20),
                money(rs, 21), optInt(rs, 22), money(rs, 23), rs.getBoolean(24));
    }

    private static Optional<BigDecimal> money(ResultSet rs, int column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? Optional.empty() : Optional.of(v.setScale(2, RoundingMode.UNNECESSARY));
    }

    private static OptionalInt optInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
    }

    private static BigDecimal pct(Optional<BigDecimal> v) {
        return v.map(ResultStore::round).orElse(null);
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static Integer integer(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }
}
