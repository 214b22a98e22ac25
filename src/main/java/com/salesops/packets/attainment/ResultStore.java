package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.support.RunRows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A run's results and flags in the app database. Percentages are stored as printed (2 decimals,
 * HALF_UP): everything downstream (packets, emails) shows exactly the figures of attainment.csv.
 */
public final class ResultStore implements RunRows {

    /** node_result's columns after run_key: written as named parameters, read by name. */
    private static final List<String> RESULT_COLUMNS = List.of(
            "window_name", "node_level", "node_id", "node_name", "team_id", "period_start", "period_end",
            "quota", "credited", "attainment_pct", "expected_pct", "pace_index", "pace_status", "projected_pct",
            "gap_to_quota", "deal_count",
            "rank_in_team", "rank_in_company", "comp_estimate", "current_tier", "credit_to_next_tier", "ranked",
            "sum_of_rep_quotas", "over_assignment_pct");

    private static final String INSERT_RESULT = "INSERT INTO node_result (run_key, "
            + String.join(", ", RESULT_COLUMNS) + ") VALUES (:run_key, "
            + RESULT_COLUMNS.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";

    /** The tables holding rows per run key, in the order a purge deletes them. */
    private static final List<String> RUN_TABLES = List.of("attainment_flag", "node_month", "node_result");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ResultStore(DataSource appDataSource) {
        this.jdbc = new JdbcTemplate(appDataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public void replace(String runKey, AttainmentResults results) {
        jdbc.update("DELETE FROM node_result WHERE run_key = ?", runKey);
        jdbc.update("DELETE FROM attainment_flag WHERE run_key = ?", runKey);
        named.batchUpdate(INSERT_RESULT, results.rows().stream().map(r -> columns(runKey, r))
                .toArray(SqlParameterSource[]::new));
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
                (rs, i) -> new MonthFigure(Level.valueOf(rs.getString("node_level")), rs.getString("node_id"),
                        rs.getDate("month_start").toLocalDate(), money(rs, "quota"),
                        rs.getBigDecimal("credited").setScale(2)), runKey);
    }

    /** How many result rows a run has (the run history's wholeness check). */
    public long rowCount(String runKey) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM node_result WHERE run_key = ?", Long.class, runKey);
        return n == null ? 0 : n;
    }



    /** Every result row of a run, in attainment.csv order. */
    public List<NodeResult> rows(String runKey) {
        List<NodeResult> rows = jdbc.query("SELECT " + String.join(", ", RESULT_COLUMNS) + " FROM node_result "
                + "WHERE run_key = ?", (rs, i) -> row(rs), runKey);
        rows.sort(ResultOrder.ROWS);
        return rows;
    }

    public List<Flag> flags(String runKey) {
        List<Flag> flags = jdbc.query("SELECT flag, employee_id, team_id, period_start, period_end, booking_ids, amount "
                + "FROM attainment_flag WHERE run_key = ?", (rs, i) -> new Flag(FlagType.valueOf(rs.getString("flag")),
                rs.getString("employee_id"), rs.getString("team_id"), period(rs),
                bookingIds(rs.getString("booking_ids")), rs.getBigDecimal("amount").setScale(2)), runKey);
        flags.sort(ResultOrder.FLAGS);
        return flags;
    }

    /** One node_result row's named parameters: every column of the table, each under its own name. */
    private static MapSqlParameterSource columns(String runKey, NodeResult r) {
        Figures f = r.figures();
        RepStanding rep = r.standing();
        TeamSpread team = r.spread();
        return new MapSqlParameterSource()
                .addValue("run_key", runKey)
                .addValue("window_name", r.window().name())
                .addValue("node_level", r.level().name())
                .addValue("node_id", r.nodeId())
                .addValue("node_name", r.nodeName())
                .addValue("team_id", r.teamId().orElse(null))
                .addValue("period_start", Date.valueOf(r.period().start()))
                .addValue("period_end", Date.valueOf(r.period().end()))
                .addValue("quota", f.quota().orElse(null))
                .addValue("credited", f.credited())
                .addValue("attainment_pct", pct(f.attainmentPct()))
                .addValue("expected_pct", round(f.expectedPct()))
                .addValue("pace_index", pct(f.paceIndex()))
                .addValue("pace_status", f.paceStatus().map(Enum::name).orElse(null))
                .addValue("projected_pct", pct(f.projectedPct()))
                .addValue("gap_to_quota", f.gapToQuota().orElse(null))
                .addValue("deal_count", f.dealCount())
                .addValue("rank_in_team", integer(rep.rankInTeam()))
                .addValue("rank_in_company", integer(rep.rankInCompany()))
                .addValue("comp_estimate", rep.compEstimate().orElse(null))
                .addValue("current_tier", integer(rep.currentTier()))
                .addValue("credit_to_next_tier", rep.creditToNextTier().orElse(null))
                .addValue("ranked", rep.ranked())
                .addValue("sum_of_rep_quotas", team.sumOfRepQuotas().orElse(null))
                .addValue("over_assignment_pct", pct(team.overAssignmentPct()));
    }

    /** A node_result row by column name; a team row's rep columns and a rep row's team columns are not read. */
    private static NodeResult row(ResultSet rs) throws SQLException {
        Level level = Level.valueOf(rs.getString("node_level"));
        Figures figures = new Figures(money(rs, "quota"), rs.getBigDecimal("credited").setScale(2),
                money(rs, "attainment_pct"), rs.getBigDecimal("expected_pct"), money(rs, "pace_index"),
                Optional.ofNullable(rs.getString("pace_status")).map(PaceStatus::valueOf), money(rs, "projected_pct"),
                money(rs, "gap_to_quota"), rs.getInt("deal_count"));
        RepStanding standing = level != Level.REP ? RepStanding.NONE
                : new RepStanding(optInt(rs, "rank_in_team"), optInt(rs, "rank_in_company"), money(rs, "comp_estimate"),
                        optInt(rs, "current_tier"), money(rs, "credit_to_next_tier"), rs.getBoolean("ranked"));
        TeamSpread spread = level != Level.TEAM ? TeamSpread.NONE
                : new TeamSpread(money(rs, "sum_of_rep_quotas"), money(rs, "over_assignment_pct"));
        return new NodeResult(Window.valueOf(rs.getString("window_name")), period(rs), level, rs.getString("node_id"),
                rs.getString("node_name"), Optional.ofNullable(rs.getString("team_id")), figures, standing, spread);
    }

    private static Period period(ResultSet rs) throws SQLException {
        return new Period(rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate());
    }

    private static List<String> bookingIds(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }

    private static Optional<BigDecimal> money(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? Optional.empty() : Optional.of(v.setScale(2, RoundingMode.UNNECESSARY));
    }

    private static OptionalInt optInt(ResultSet rs, String column) throws SQLException {
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

    /** Retention counts and removes a run's rows in these tables, in this order. */
    @Override
    public RunTables runTables() {
        return new RunTables(jdbc, RUN_TABLES);
    }
}
