package com.salesops.packets.credit;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Credit lines, credited bookings and rejects of a run in the app database. Writes join the
 * caller's transaction (the extract step's chunk), so a chunk's rows and the reader's restart
 * position commit together.
 */
public final class CreditStore {

    private static final String INSERT_BOOKING = """
            INSERT INTO credited_booking (run_key, booking_id, booking_date, account_name, booking_type,
                channel, partner_name, amount, currency, fx_rate, primary_split_sum, primary_line_count,
                cancelled_date, originals_in_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_LINE = """
            INSERT INTO credit_line (run_key, booking_id, employee_id, reversal, team_id, credit_role,
                split_percent, line_date, amount_base, booking_date, cancelled_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_REJECT = """
            INSERT INTO booking_reject (run_key, booking_id, reason, detail, amount, currency)
            VALUES (?, ?, ?, ?, ?, ?)""";
    static final String LINE_COLUMNS = "l.booking_id, l.employee_id, l.team_id, l.credit_role, l.split_percent, "
            + "l.line_date, l.amount_base, l.reversal, l.booking_date, l.cancelled_date";

    /*
     * Explicit SQL types: without them Spring asks the driver for parameter metadata to bind a NULL,
     * which costs Connector/J a round trip to the server per NULL value.
     */
    private static final int[] BOOKING_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.DECIMAL, Types.VARCHAR, Types.DECIMAL, Types.DECIMAL, Types.INTEGER,
            Types.DATE, Types.BOOLEAN};
    private static final int[] LINE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR,
            Types.VARCHAR, Types.DECIMAL, Types.DATE, Types.DECIMAL, Types.DATE, Types.DATE};
    private static final int[] REJECT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.DECIMAL, Types.VARCHAR};

    private static final String BOOKING_COLUMNS = "run_key, booking_id, booking_date, account_name, booking_type, "
            + "channel, partner_name, amount, currency, fx_rate, primary_split_sum, primary_line_count, "
            + "cancelled_date, originals_in_run";
    private static final String LINE_INSERT_COLUMNS = "run_key, booking_id, employee_id, reversal, team_id, "
            + "credit_role, split_percent, line_date, amount_base, booking_date, cancelled_date";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    /** LOAD DATA on MySQL/MariaDB; null on other databases (H2), which get batched inserts. */
    private final BulkLoad bulk;

    public CreditStore(DataSource appDataSource) {
        this.dataSource = appDataSource;
        this.jdbc = new JdbcTemplate(appDataSource);
        this.bulk = BulkLoad.forDataSource(appDataSource);
    }

    public void save(String runKey, List<? extends CreditOutcome> outcomes) {
        List<Object[]> bookings = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> rejects = new ArrayList<>();
        for (CreditOutcome outcome : outcomes) {
            if (outcome instanceof CreditOutcome.Credited c) {
                CreditedBooking b = c.booking();
                bookings.add(new Object[] {runKey, b.bookingId(), b.bookingDate(),
                        clip(b.accountName(), 1000), clip(b.bookingType(), 64), clip(b.channel(), 64),
                        clip(b.partnerName(), 1000), b.amount(), b.currency(), b.fxRate(),
                        b.primarySplitSum(), b.primaryLineCount(), b.cancelledDate(), b.originalsInRun()});
                for (CreditLine l : c.lines()) {
                    lines.add(new Object[] {runKey, l.bookingId(), l.employeeId(), l.reversal(), l.teamId(),
                            l.role().name(), l.splitPercent(), l.lineDate(), l.amountBase(),
                            l.bookingDate(), l.cancelledDate()});
                }
            } else if (outcome instanceof CreditOutcome.Rejected r) {
                Reject x = r.reject();
                rejects.add(new Object[] {runKey, x.bookingId(), x.reason().name(), clip(x.detail(), 1000),
                        x.amount(), clip(x.currency(), 16)});
            }
        }
        if (!bookings.isEmpty() && !bulkLoad("credited_booking", BOOKING_COLUMNS, bookings)) {
            jdbc.batchUpdate(INSERT_BOOKING, sqlDates(bookings), BOOKING_TYPES);
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
        jdbc.update("DELETE FROM credited_booking WHERE run_key = ?", runKey);
        jdbc.update("DELETE FROM booking_reject WHERE run_key = ?", runKey);
        jdbc.update("DELETE FROM team_day WHERE run_key = ?", runKey);
    }

    public long creditedCount(String runKey) {
        return count("SELECT COUNT(*) FROM credited_booking WHERE run_key = ?", runKey);
    }

    public long rejectedCount(String runKey) {
        return count("SELECT COUNT(*) FROM booking_reject WHERE run_key = ?", runKey);
    }

    /** Bookings both credited and rejected: must be 0. */
    public long creditedAndRejectedCount(String runKey) {
        return count("SELECT COUNT(*) FROM credited_booking b JOIN booking_reject r "
                + "ON r.run_key = b.run_key AND r.booking_id = b.booking_id WHERE b.run_key = ?", runKey);
    }

    public long lineCount(String runKey) {
        return count("SELECT COUNT(*) FROM credit_line WHERE run_key = ?", runKey);
    }

    private long count(String sql, String runKey) {
        Long n = jdbc.queryForObject(sql, Long.class, runKey);
        return n == null ? 0 : n;
    }

    /**
     * Streams every credited booking with its lines, in booking order, one booking at a time.
     * Memory stays at one booking whatever the size of the run. Bookings and lines are read as two
     * streams in primary-key order and merged here: two sequential scans instead of a join that
     * looks up every line's booking (a large run's compute step spent most of its time waiting on
     * that join). A booking without lines comes with none (the reconciliation check then fails it);
     * a line without its booking fails the read.
     */
    public void forEachBooking(String runKey, int fetchSize, Consumer<CreditOutcome.Credited> action) {
        String bookings = "SELECT booking_id, booking_date, account_name, booking_type, channel, partner_name, amount, "
                + "currency, fx_rate, primary_split_sum, primary_line_count, cancelled_date, originals_in_run "
                + "FROM credited_booking WHERE run_key = ? ORDER BY booking_id";
        String lines = "SELECT " + LINE_COLUMNS + " FROM credit_line l WHERE l.run_key = ? "
                + "ORDER BY l.booking_id, l.employee_id, l.reversal";
        try (Connection bookingConnection = dataSource.getConnection();
             Connection lineConnection = dataSource.getConnection();
             PreparedStatement bookingQuery = streaming(bookingConnection, bookings, runKey, fetchSize);
             PreparedStatement lineQuery = streaming(lineConnection, lines, runKey, fetchSize);
             ResultSet b = bookingQuery.executeQuery();
             ResultSet l = lineQuery.executeQuery()) {
            boolean lineAhead = l.next();
            while (b.next()) {
                String id = b.getString(1);
                CreditedBooking booking = new CreditedBooking(id, b.getDate(2).toLocalDate(), b.getString(3),
                        b.getString(4), b.getString(5), b.getString(6), b.getBigDecimal(7), b.getString(8),
                        b.getBigDecimal(9), b.getBigDecimal(10), b.getInt(11), localDate(b.getDate(12)), b.getBoolean(13));
                List<CreditLine> its = new ArrayList<>();
                while (lineAhead && id.equals(l.getString(1))) {
                    its.add(line(l));
                    lineAhead = l.next();
                }
                action.accept(new CreditOutcome.Credited(booking, its));
            }
            if (lineAhead) {
                throw new IllegalStateException("run " + runKey + ": credit line of booking " + l.getString(1)
                        + " has no credited booking");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read the credited bookings of " + runKey + ": "
                    + e.getMessage(), e);
        }
    }

    private static PreparedStatement streaming(Connection connection, String sql, String runKey, int fetchSize)
            throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(fetchSize);
        ps.setString(1, runKey);
        return ps;
    }

    /** Rejects of a run, sorted by booking id (Java code point order is applied by the caller). */
    public List<Reject> rejects(String runKey) {
        return jdbc.query("SELECT booking_id, reason, detail, amount, currency FROM booking_reject WHERE run_key = ?",
                (rs, i) -> new Reject(rs.getString(1), RejectReason.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5)), runKey);
    }

    static CreditLine line(ResultSet rs) throws SQLException {
        return new CreditLine(rs.getString(1), rs.getString(2), rs.getString(3),
                CreditRole.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getDate(6).toLocalDate(),
                rs.getBigDecimal(7).setScale(2), rs.getBoolean(8), rs.getDate(9).toLocalDate(),
                localDate(rs.getDate(10)));
    }

    private static LocalDate localDate(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
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
}
