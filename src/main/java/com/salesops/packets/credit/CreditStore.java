package com.salesops.packets.credit;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.support.JdbcStreaming;
import java.math.BigDecimal;
import java.math.RoundingMode;
import com.salesops.packets.support.RunRows;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Credit lines, rejects and per-team daily totals of a run (tables {@code credit_line},
 * {@code booking_reject}, {@code team_day}, owned here). Writes join the caller's transaction (the
 * extract step's chunk), so a chunk's rows and the reader's restart position commit together.
 */
public final class CreditStore implements RunRows {

    /** Receives one credit line with its booking's facts. */
    @FunctionalInterface
    public interface LineAction {
        void accept(CreditLine line, CreditedBooking booking);
    }

    private static final String INSERT_LINE = """
            INSERT INTO credit_line (run_key, booking_id, employee_id, reversal, team_id, credit_role,
                split_percent, line_date, amount_base, booking_date, cancelled_date, account_name, booking_type,
                channel, partner_name, amount, currency, fx_rate, primary_split_sum, primary_line_count,
                originals_in_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_REJECT = """
            INSERT INTO booking_reject (run_key, booking_id, reason, detail, amount, currency)
            VALUES (?, ?, ?, ?, ?, ?)""";
    static final String LINE_COLUMNS = "l.booking_id, l.employee_id, l.team_id, l.credit_role, l.split_percent, "
            + "l.line_date, l.amount_base, l.reversal, l.booking_date, l.cancelled_date";
    /** The booking's facts on each line, read after {@link #LINE_COLUMNS} (columns 11–20). */
    static final String BOOKING_COLUMNS = "l.account_name, l.booking_type, l.channel, l.partner_name, l.amount, "
            + "l.currency, l.fx_rate, l.primary_split_sum, l.primary_line_count, l.originals_in_run";

    /*
     * Explicit SQL types: without them Spring asks the driver for parameter metadata to bind a NULL,
     * which costs Connector/J a round trip to the server per NULL value.
     */
    private static final int[] LINE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR,
            Types.VARCHAR, Types.DECIMAL, Types.DATE, Types.DECIMAL, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.DECIMAL, Types.VARCHAR, Types.DECIMAL, Types.DECIMAL, Types.INTEGER,
            Types.BOOLEAN};
    private static final int[] REJECT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.DECIMAL, Types.VARCHAR};

    private static final String LINE_INSERT_COLUMNS = "run_key, booking_id, employee_id, reversal, team_id, "
            + "credit_role, split_percent, line_date, amount_base, booking_date, cancelled_date, account_name, "
            + "booking_type, channel, partner_name, amount, currency, fx_rate, primary_split_sum, primary_line_count, "
            + "originals_in_run";

    /** The tables holding rows per run key, in the order a purge deletes them. */
    private static final List<String> RUN_TABLES = List.of("team_day", "booking_reject", "credit_line");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    /** LOAD DATA on MySQL/MariaDB; null on other databases (H2), which get batched inserts. */
    private final BulkLoad bulk;
    private final SubtreeLines subtrees;

    public CreditStore(DataSource appDataSource) {
        this.dataSource = appDataSource;
        this.jdbc = new JdbcTemplate(appDataSource);
        this.bulk = BulkLoad.forDataSource(appDataSource);
        this.subtrees = new SubtreeLines(appDataSource);
    }

    /** Credit lines of a set of teams (a packet's subtree), from the compute step's daily totals. */
    public long lineCount(String runKey, Collection<String> teams) {
        return subtrees.lineCount(runKey, teams);
    }

    /** Credit lines per team of the run (each team's own, not its subtree's), from the compute step's daily totals. */
    public Map<String, Long> lineCountByTeam(String runKey) {
        return subtrees.lineCountByTeam(runKey);
    }

    /** The teams' PRIMARY credit per day of {@code period} (pace charts). */
    public SortedMap<LocalDate, BigDecimal> dailyPrimaryCredit(String runKey, Collection<String> teams, Period period) {
        return subtrees.dailyPrimaryCredit(runKey, teams, period);
    }

    /** Streams the teams' {@code largest} lines by absolute amount, largest first. */
    public void forEachLargestLine(String runKey, Collection<String> teams, int largest, LineAction action) {
        subtrees.forEach(runKey, teams, largest, List.of(), action);
    }

    /** Streams the teams' lines (of the given bookings only, when not empty) in date order. */
    public void forEachLine(String runKey, Collection<String> teams, List<String> bookingIds, LineAction action) {
        subtrees.forEach(runKey, teams, SubtreeLines.ALL, bookingIds, action);
    }

    public void save(String runKey, List<? extends CreditOutcome> outcomes) {
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> rejects = new ArrayList<>();
        for (CreditOutcome outcome : outcomes) {
            if (outcome instanceof CreditOutcome.Credited c) {
                CreditedBooking b = c.booking();
                String account = clip(b.accountName(), 1000);
                String type = clip(b.bookingType(), 64);
                String channel = clip(b.channel(), 64);
                String partner = clip(b.partnerName(), 1000);
                for (CreditLine l : c.lines()) {
                    lines.add(new Object[] {runKey, l.bookingId(), l.employeeId(), l.reversal(), l.teamId(),
                            l.role().name(), l.splitPercent(), l.lineDate(), l.amountBase(),
                            l.bookingDate(), l.cancelledDate(), account, type, channel, partner, b.amount(),
                            b.currency(), b.fxRate(), b.primarySplitSum(), b.primaryLineCount(), b.originalsInRun()});
                }
            } else if (outcome instanceof CreditOutcome.Rejected r) {
                Reject x = r.reject();
                rejects.add(new Object[] {runKey, x.bookingId(), x.reason().name(), clip(x.detail(), 1000),
                        x.amount(), clip(x.currency(), 16)});
            }
        }
        if (!lines.isEmpty() && !bulkLoad("credit_line", LINE_INSERT_COLUMNS, lines)) {
            jdbc.batchUpdate(INSERT_LINE, sqlDates(lines), LINE_TYPES);
        }
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate(INSERT_REJECT, rejects, REJECT_TYPES);
        }
    }

    private boolean bulkLoad(String table, String columns, List<Object[]> rows) {
        if (bulk == null) {
            return false;
        }
        try {
            return bulk.load(table, columns, rows);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot load " + table + " rows: " + e.getMessage(), e);
        }
    }

    /** Replaces a run's per-team, per-day totals (the compute step adds them up from every line). */
    public void replaceTeamDays(String runKey, TeamDayTotals totals) {
        jdbc.update("DELETE FROM team_day WHERE run_key = ?", runKey);
        List<Object[]> rows = new ArrayList<>(totals.totals().size());
        totals.totals().forEach((k, t) -> rows.add(new Object[] {runKey, k.teamId(), k.lineDate(),
                t.primaryCredit(), t.lines()}));
        if (!rows.isEmpty() && !bulkLoad("team_day", "run_key, team_id, line_date, primary_credit, line_count", rows)) {
            jdbc.batchUpdate("INSERT INTO team_day (run_key, team_id, line_date, primary_credit, line_count) "
                    + "VALUES (?, ?, ?, ?, ?)", sqlDates(rows), new int[] {Types.VARCHAR, Types.VARCHAR, Types.DATE,
                        Types.DECIMAL, Types.INTEGER});
        }
    }

    /** Removes everything a run credited (a fresh start of the extract step). */
    public void deleteRun(String runKey) {
        jdbc.update("DELETE FROM credit_line WHERE run_key = ?", runKey);
        jdbc.update("DELETE FROM booking_reject WHERE run_key = ?", runKey);
        jdbc.update("DELETE FROM team_day WHERE run_key = ?", runKey);
    }



    public long creditedCount(String runKey) {
        return count("SELECT COUNT(DISTINCT booking_id) FROM credit_line WHERE run_key = ?", runKey);
    }

    public long rejectedCount(String runKey) {
        return count("SELECT COUNT(*) FROM booking_reject WHERE run_key = ?", runKey);
    }

    /** Bookings both credited and rejected: must be 0. */
    public long creditedAndRejectedCount(String runKey) {
        return count("SELECT COUNT(*) FROM booking_reject r WHERE r.run_key = ? AND EXISTS (SELECT 1 FROM credit_line l "
                + "WHERE l.run_key = r.run_key AND l.booking_id = r.booking_id)", runKey);
    }

    /**
     * Σ of the run's PRIMARY lines dated in {@code span}, reversals included (a team total,
     * docs/numbers.md §2): what the delivery gate compares between a run and its previous run (§13).
     */
    public BigDecimal primaryCredited(String runKey, Period span) {
        // The compute step's per-team daily totals hold the same sums (a few rows per team and day)
        // as a scan of every line of the run; a run without them (computed before team_day) is summed
        // from its lines.
        BigDecimal sum = jdbc.queryForObject("SELECT SUM(primary_credit) FROM team_day WHERE run_key = ? "
                + "AND line_date BETWEEN ? AND ?", BigDecimal.class, runKey,
                Date.valueOf(span.start()), Date.valueOf(span.end()));
        if (sum == null && !hasTeamDays(runKey)) {
            sum = jdbc.queryForObject("SELECT SUM(amount_base) FROM credit_line WHERE run_key = ? "
                    + "AND credit_role = 'PRIMARY' AND line_date BETWEEN ? AND ?", BigDecimal.class, runKey,
                    Date.valueOf(span.start()), Date.valueOf(span.end()));
        }
        return (sum == null ? BigDecimal.ZERO : sum).setScale(2, RoundingMode.UNNECESSARY);
    }

    private boolean hasTeamDays(String runKey) {
        return !jdbc.queryForList("SELECT 1 FROM team_day WHERE run_key = ? LIMIT 1", Integer.class, runKey).isEmpty();
    }

    public long lineCount(String runKey) {
        return count("SELECT COUNT(*) FROM credit_line WHERE run_key = ?", runKey);
    }

    private long count(String sql, String runKey) {
        Long n = jdbc.queryForObject(sql, Long.class, runKey);
        return n == null ? 0 : n;
    }

    /**
     * Streams every credited booking with its lines, in booking order, one booking at a time, from
     * credit_line alone in primary-key order (each line carries its booking's facts). Memory stays
     * at one booking whatever the size of the run.
     */
    public void forEachBooking(String runKey, int fetchSize, Consumer<CreditOutcome.Credited> action) {
        String sql = "SELECT " + LINE_COLUMNS + ", " + BOOKING_COLUMNS + " FROM credit_line l WHERE l.run_key = ? "
                + "ORDER BY l.booking_id, l.employee_id, l.reversal";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                     ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(fetchSize);
            ps.setString(1, runKey);
            try (ResultSet rs = ps.executeQuery()) {
                CreditedBooking booking = null;
                List<CreditLine> lines = new ArrayList<>();
                while (rs.next()) {
                    CreditLine line = line(rs);
                    if (booking == null || !line.bookingId().equals(booking.bookingId())) {
                        if (booking != null) {
                            action.accept(new CreditOutcome.Credited(booking, lines));
                        }
                        lines = new ArrayList<>();
                        booking = booking(rs, line);
                    }
                    lines.add(line);
                }
                if (booking != null) {
                    action.accept(new CreditOutcome.Credited(booking, lines));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read the credited bookings of " + runKey + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The lines of a run dated in {@code span}, in {@link StoredLine#ORDER}, streamed. On
     * MySQL/MariaDB the ids are sorted as bytes (code point order whatever the column's collation;
     * a case-insensitive collation would sort otherwise), which makes the server sort the lines.
     */
    public LineCursor linesDated(String runKey, Period span, int fetchSize) {
        return linesDated(runKey, span, fetchSize, false);
    }

    /**
     * The lines of a run dated in {@code span} in the primary key's order, which the server reads
     * without sorting (docs/performance.md, "Changes since the last run"). That is
     * {@link StoredLine#ORDER} under a binary collation ({@link #keyOrderIsCodePointOrder}) for ids
     * without trailing spaces or control characters (a PAD SPACE collation sorts {@code "X\t"} before
     * {@code "X"}); the cursor checks every line and throws {@link LineCursor.OutOfOrderException} at
     * the first that is not, so the caller can start again with {@link #linesDated(String, Period, int)}.
     */
    public LineCursor linesDatedInKeyOrder(String runKey, Period span, int fetchSize) {
        return linesDated(runKey, span, fetchSize, true);
    }

    /**
     * Whether the app database keeps {@code credit_line}'s ids in a binary collation on MySQL/MariaDB,
     * so that {@link #linesDatedInKeyOrder} is worth trying (elsewhere {@link #linesDated} already
     * reads in key order).
     */
    public boolean keyOrderIsCodePointOrder() {
        Boolean mySql = jdbc.execute((Connection connection) -> JdbcStreaming.isMySql(connection));
        return Boolean.TRUE.equals(mySql) && jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'credit_line' "
                + "AND COLUMN_NAME IN ('booking_id', 'employee_id') AND LOWER(COLLATION_NAME) LIKE '%\\_bin'",
                Integer.class) == 2;
    }

    private LineCursor linesDated(String runKey, Period span, int fetchSize, boolean keyOrder) {
        Connection connection = null;
        PreparedStatement ps = null;
        try {
            connection = dataSource.getConnection();
            String order = JdbcStreaming.isMySql(connection) && !keyOrder
                    ? "CAST(l.booking_id AS BINARY), CAST(l.employee_id AS BINARY), l.reversal"
                    : "l.booking_id, l.employee_id, l.reversal";
            ps = connection.prepareStatement("SELECT " + LINE_COLUMNS + ", l.account_name FROM credit_line l "
                    + "WHERE l.run_key = ? AND l.line_date BETWEEN ? AND ? ORDER BY " + order,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(fetchSize);
            ps.setString(1, runKey);
            ps.setDate(2, Date.valueOf(span.start()));
            ps.setDate(3, Date.valueOf(span.end()));
            return new LineCursor(runKey, connection, ps, ps.executeQuery());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(ps, connection);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new DataAccessResourceFailureException("cannot read the credit lines of " + runKey + ": "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(PreparedStatement ps, Connection connection) {
        try {
            if (ps != null) {
                ps.close();
            }
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
    }

    /** The booking facts of the current row (columns 11–20, after {@link #line}'s). */
    static CreditedBooking booking(ResultSet rs, CreditLine line) throws SQLException {
        return new CreditedBooking(line.bookingId(), line.bookingDate(), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getBigDecimal(15), rs.getString(16), rs.getBigDecimal(17),
                rs.getBigDecimal(18), rs.getInt(19), line.cancelledDate(), rs.getBoolean(20));
    }

    /** Rejects of a run, sorted by booking id (Java code point order is applied by the caller). */
    public List<Reject> rejects(String runKey) {
        return jdbc.query("SELECT booking_id, reason, detail, amount, currency FROM booking_reject WHERE run_key = ?",
                (rs, i) -> new Reject(rs.getString(1), RejectReason.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5)), runKey);
    }

    /**
     * A credit_line row. Its dates are read as {@code LocalDate}s: {@code getDate} builds a
     * {@code java.sql.Date} through a calendar for each (a tenth of the compute step's time, which
     * reads every line of the run).
     */
    static CreditLine line(ResultSet rs) throws SQLException {
        return new CreditLine(rs.getString(1), rs.getString(2), rs.getString(3),
                CreditRole.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class),
                rs.getBigDecimal(7).setScale(2), rs.getBoolean(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class));
    }

    /** Rows are built with LocalDate (LOAD DATA formats them itself); batched inserts bind java.sql.Date. */
    private static List<Object[]> sqlDates(List<Object[]> rows) {
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof LocalDate d) {
                    row[i] = Date.valueOf(d);
                }
            }
        }
        return rows;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Retention counts and removes a run's rows in these tables, in this order. */
    @Override
    public RunTables runTables() {
        return new RunTables(jdbc, RUN_TABLES);
    }
}
