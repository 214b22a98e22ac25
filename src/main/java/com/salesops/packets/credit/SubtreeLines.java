package com.salesops.packets.credit;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.support.JdbcStreaming;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reads a packet makes of a subtree of teams: its line count and daily PRIMARY credit (from
 * {@code team_day}) and its credit lines (from {@code credit_line}, streamed and mapped by hand:
 * a VP's packet reads every line of the company); also each team's own line count, which balances
 * the render partitions. Package-private: others go through {@link CreditStore}.
 */
final class SubtreeLines {

    /** {@code largest} of {@link #forEach} for every line rather than the largest n. */
    static final int ALL = -1;

    private final DataSource app;
    private final JdbcTemplate jdbc;

    SubtreeLines(DataSource app) {
        this.app = app;
        this.jdbc = new JdbcTemplate(app);
    }

    long lineCount(String runKey, Collection<String> teams) {
        Long n = jdbc.queryForObject("SELECT SUM(line_count) FROM team_day WHERE run_key = ? AND team_id IN ("
                + marks(teams.size()) + ")", Long.class, args(runKey, teams).toArray());
        return n == null ? 0 : n;
    }

    Map<String, Long> lineCountByTeam(String runKey) {
        Map<String, Long> byTeam = new HashMap<>();
        jdbc.query("SELECT team_id, SUM(line_count) FROM team_day WHERE run_key = ? GROUP BY team_id",
                rs -> {
                    byTeam.put(rs.getString(1), rs.getLong(2));
                }, runKey);
        return byTeam;
    }

    SortedMap<LocalDate, BigDecimal> dailyPrimaryCredit(String runKey, Collection<String> teams, Period period) {
        List<Object> a = args(runKey, teams);
        a.add(Date.valueOf(period.start()));
        a.add(Date.valueOf(period.end()));
        SortedMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
        jdbc.query("SELECT line_date, SUM(primary_credit) FROM team_day WHERE run_key = ? AND team_id IN ("
                + marks(teams.size()) + ") AND line_date BETWEEN ? AND ? GROUP BY line_date",
                rs -> {
                    byDay.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2).setScale(2));
                }, a.toArray());
        return Collections.unmodifiableSortedMap(byDay);
    }

    @SuppressWarnings("try") // sortMemory only scopes a session setting around the query
    void forEach(String runKey, Collection<String> teams, int largest, List<String> bookingIds,
                 CreditStore.LineAction action) {
        String columns = "SELECT " + CreditStore.LINE_COLUMNS + ", " + CreditStore.BOOKING_COLUMNS + " ";
        String sql;
        if (largest != ALL) {
            // The largest lines' keys first, then only those lines' rows. Packets read their lines
            // from the line spool; this query (a scan of the run's lines) is the fallback when the
            // spool does not hold a packet's teams.
            sql = columns + "FROM (SELECT run_key, booking_id, employee_id, reversal FROM credit_line "
                    + "WHERE run_key = ? AND team_id IN (" + marks(teams.size()) + ") "
                    + "ORDER BY ABS(amount_base) DESC, booking_id, employee_id, reversal LIMIT " + largest + ") top "
                    + "JOIN credit_line l ON l.run_key = top.run_key AND l.booking_id = top.booking_id "
                    + "AND l.employee_id = top.employee_id AND l.reversal = top.reversal "
                    + "ORDER BY ABS(l.amount_base) DESC, l.booking_id, l.employee_id, l.reversal";
        } else {
            String only = bookingIds.isEmpty() ? "" : " AND l.booking_id IN (" + marks(bookingIds.size()) + ")";
            sql = columns + "FROM credit_line l WHERE l.run_key = ? AND l.team_id IN (" + marks(teams.size()) + ")"
                    + only + " ORDER BY l.line_date, l.booking_id, l.employee_id, l.reversal";
        }
        try (Connection con = app.getConnection();
             SortMemory sortMemory = SortMemory.forLargest(con, largest != ALL);
             PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(JdbcStreaming.fetchSize(con));
            List<Object> a = args(runKey, teams);
            a.addAll(bookingIds);
            for (int i = 0; i < a.size(); i++) {
                ps.setObject(i + 1, a.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CreditLine line = CreditStore.line(rs);
                    action.accept(line, CreditStore.booking(rs, line));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read deal lines: " + e.getMessage(), e);
        }
    }

    /**
     * On MySQL/MariaDB, a larger sort buffer for the session while a large packet picks its largest
     * lines (a VP's query sorts every line of the company by amount; with the 256 KB–2 MB default the
     * sort spills to disk in many passes), set back to the server default afterwards.
     */
    private static final class SortMemory implements AutoCloseable {

        private static final long BYTES = 64L * 1024 * 1024;

        private final Connection connection;

        private SortMemory(Connection connection) {
            this.connection = connection;
        }

        static SortMemory forLargest(Connection connection, boolean largest) throws SQLException {
            if (!largest || !JdbcStreaming.isMySql(connection)) {
                return new SortMemory(null);
            }
            try (Statement s = connection.createStatement()) {
                s.execute("SET SESSION sort_buffer_size = " + BYTES);
            }
            return new SortMemory(connection);
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET SESSION sort_buffer_size = DEFAULT");
                }
            }
        }
    }

    private static List<Object> args(String runKey, Collection<String> teams) {
        List<Object> a = new ArrayList<>();
        a.add(runKey);
        a.addAll(teams);
        return a;
    }

    private static String marks(int n) {
        return Collections.nCopies(n, "?").stream().collect(Collectors.joining(","));
    }
}
