package com.salesops.packets.changes;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.calendar.RunType;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditRole;
import com.salesops.packets.support.RunRows;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's changes in the app database: which run it was compared with, the per-node figures (the
 * rows of changes.csv) and the changed deal lines. Written by the compute step; read by packets
 * and emails, each for its own subtree.
 */
public final class ChangeStore implements RunRows {

    /** Lines written per batch while the two runs are merged. */
    static final int BATCH = 1_000;

    /**
     * A run with at most this many changed lines (a nightly after a nightly: a few thousand) has them
     * read once and held for all its packets; above it (a long gap, a mass restatement) each packet asks
     * the database for its own, so the heap holds none of them. About 25 MB at the limit, per render
     * partition (each reads them for its packets).
     */
    static final int HELD_LINES = 50_000;

    private static final String NODE_COLUMNS = "node_level, node_id, team_id, new_credit, restated_credit, new_deals, "
            + "cancelled_deals, restated_deals, month_change, quarter_change, year_change";
    private static final String LINE_COLUMNS = "kind, booking_id, employee_id, credit_role, team_id, previous_team_id, "
            + "account_name, line_date, amount_before, amount_after, in_closed_period";
    private static final int[] LINE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.DECIMAL, Types.DECIMAL, Types.BOOLEAN,
            Types.DECIMAL};

    /** The per-run tables of changes, in the order retention deletes them. */
    private static final List<String> RUN_TABLES = List.of("changed_line", "node_change", "change_run");

    private final JdbcTemplate jdbc;
    private final int heldLines;

    public ChangeStore(DataSource appDataSource) {
        this(appDataSource, HELD_LINES);
    }

    /** With another limit on the lines held for a run's packets (tests). */
    ChangeStore(DataSource appDataSource, int heldLines) {
        this.jdbc = new JdbcTemplate(appDataSource);
        this.heldLines = heldLines;
    }



    /** Removes a run's changes (a fresh computation). */
    public void deleteRun(String runKey) {
        jdbc.update("DELETE FROM changed_line WHERE run_key = ?", runKey);
        jdbc.update("DELETE FROM node_change WHERE run_key = ?", runKey);
        jdbc.update("DELETE FROM change_run WHERE run_key = ?", runKey);
    }

    /** Records which run {@code runKey} was compared with (none: there was no earlier run). */
    void saveComparison(String runKey, Optional<String> previousRunKey, Optional<LocalDate> previousAsOf) {
        jdbc.update("INSERT INTO change_run (run_key, previous_run_key, previous_as_of) VALUES (?, ?, ?)",
                runKey, previousRunKey.orElse(null), previousAsOf.map(Date::valueOf).orElse(null));
    }

    void saveNodes(String runKey, List<NodeChange> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (NodeChange c : rows) {
            ChangeFigures f = c.figures();
            args.add(new Object[] {runKey, c.level().name(), c.nodeId(), c.teamId().orElse(null), f.newCredit(),
                    f.restatedCredit(), f.newDeals(), f.cancelledDeals(), f.restatedDeals(),
                    c.attainmentChange(Window.MONTH).orElse(null), c.attainmentChange(Window.QUARTER).orElse(null),
                    c.attainmentChange(Window.YEAR).orElse(null)});
        }
        jdbc.batchUpdate("INSERT INTO node_change (run_key, " + NODE_COLUMNS + ") VALUES (" + "?, ".repeat(11) + "?)",
                args, new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL,
                    Types.DECIMAL, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.DECIMAL, Types.DECIMAL,
                    Types.DECIMAL});
    }

    void saveLines(String runKey, Collection<ChangedLine> lines) {
        List<Object[]> args = new ArrayList<>(lines.size());
        for (ChangedLine l : lines) {
            ChangedDeal d = l.deal();
            args.add(new Object[] {runKey, l.kind().name(), d.bookingId(), d.employeeId(), d.role().name(), d.teamId(),
                    d.previousTeamId().orElse(null), clip(d.accountName()), Date.valueOf(l.lineDate()),
                    l.before().orElse(null), l.after().orElse(null), l.inClosedPeriod(), l.delta().abs()});
        }
        if (!args.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO changed_line (run_key, " + LINE_COLUMNS + ", abs_delta) VALUES ("
                    + "?, ".repeat(12) + "?)", args, LINE_TYPES);
        }
    }

    /** The run {@code runKey} was compared with: empty when the changes were never computed. */
    public Optional<Comparison> comparison(String runKey) {
        return jdbc.query("SELECT previous_run_key, previous_as_of FROM change_run WHERE run_key = ?",
                (rs, i) -> new Comparison(Optional.ofNullable(rs.getString(1)),
                        Optional.ofNullable(rs.getDate(2)).map(Date::toLocalDate)), runKey).stream().findFirst();
    }

    /** Every row of changes.csv, in its order. */
    public List<NodeChange> nodes(String runKey) {
        List<NodeChange> rows = jdbc.query("SELECT " + NODE_COLUMNS + " FROM node_change WHERE run_key = ?",
                (rs, i) -> node(rs), runKey);
        rows.sort(ChangesCalculator.CSV_ORDER);
        return rows;
    }

    /** How many changed lines of each kind the teams hold (by this run's team or the previous run's). */
    long countLines(String runKey, Collection<String> teams, ChangeKind kind) {
        List<Object> args = args(runKey, teams, kind);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM changed_line WHERE " + teamFilter(teams.size()),
                Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** The changed lines of a kind the teams hold, largest change first ({@link ChangedLines#LARGEST_FIRST}), at most {@code limit}. */
    List<ChangedLine> largestLines(String runKey, Collection<String> teams, ChangeKind kind, int limit) {
        return jdbc.query("SELECT " + LINE_COLUMNS + " FROM changed_line WHERE " + teamFilter(teams.size())
                + " ORDER BY abs_delta DESC, booking_id, employee_id LIMIT " + limit, (rs, i) -> line(rs),
                args(runKey, teams, kind).toArray());
    }

    /** Every changed line of a kind the teams hold, largest change first, streamed. */
    void forEachLine(String runKey, Collection<String> teams, ChangeKind kind, Consumer<ChangedLine> action) {
        jdbc.query("SELECT " + LINE_COLUMNS + " FROM changed_line WHERE " + teamFilter(teams.size())
                + " ORDER BY abs_delta DESC, booking_id, employee_id", rs -> {
                    action.accept(line(rs));
                }, args(runKey, teams, kind).toArray());
    }

    /** What each packet of the run shows of its changes (the run's figures are read once). */
    public PacketChangeSource forRun(String runKey) {
        Optional<Comparison> comparison = comparison(runKey);
        if (comparison.isEmpty() || comparison.get().previousRunKey().isEmpty()) {
            return PacketChangeSource.NONE;
        }
        Map<String, NodeChange> teams = new HashMap<>();
        Map<String, NodeChange> reps = new HashMap<>();
        Optional<HeldLines> held = held(runKey);
        for (NodeChange c : nodes(runKey)) {
            (c.level() == Level.TEAM ? teams : reps).put(c.nodeId(), c);
        }
        return (teamId, children, subtree, employees) -> {
            List<NodeChange> teamRows = new ArrayList<>();
            Optional.ofNullable(teams.get(teamId)).ifPresent(teamRows::add);
            children.forEach(id -> Optional.ofNullable(teams.get(id)).ifPresent(teamRows::add));
            List<NodeChange> repRows = employees.stream().map(reps::get).filter(Objects::nonNull)
                    .sorted(ChangesCalculator.CSV_ORDER).toList();
            return new PacketChanges(comparison.get().previousRunKey(), comparison.get().previousAsOf(), teamRows,
                    repRows, held.map(h -> h.of(subtree)).orElseGet(() -> lines(runKey, List.copyOf(subtree))));
        };
    }

    /**
     * The run's changed lines, read once, when there are at most {@link #HELD_LINES}: every packet
     * then takes its subtree's from memory instead of asking the database for each kind (three to nine
     * queries a packet, each reading all the run's lines of its kind: a team filter over two columns
     * has no index to use; docs/performance.md).
     */
    Optional<HeldLines> held(String runKey) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM changed_line WHERE run_key = ?", Long.class, runKey);
        if (n == null || n > heldLines) {
            return Optional.empty();
        }
        HeldLines held = new HeldLines();
        jdbc.query("SELECT " + LINE_COLUMNS + " FROM changed_line WHERE run_key = ?", rs -> {
            held.add(line(rs));
        }, runKey);
        return Optional.of(held);
    }

    /**
     * The one-line summary each packet email of a run carries, by team id (docs/numbers.md §10): the
     * team's changes since the previous run, or that there was no earlier run to compare with.
     */
    public Function<String, String> emailLines(String runKey, RunType type, String currency) {
        Optional<String> previous = comparison(runKey).flatMap(Comparison::previousRunKey);
        if (previous.isEmpty()) {
            return teamId -> ChangeSentences.noPrevious(type);
        }
        Map<String, NodeChange> teams = teamChanges(runKey);
        return teamId -> Optional.ofNullable(teams.get(teamId))
                .map(c -> ChangeSentences.summary(previous.get(), c.figures(), currency))
                .orElse(ChangeSentences.noPrevious(type));
    }

    /** The team figures of every team of a run, by team id (empty when the run was compared with none). */
    public Map<String, NodeChange> teamChanges(String runKey) {
        Map<String, NodeChange> teams = new HashMap<>();
        nodes(runKey).stream().filter(c -> c.level() == Level.TEAM).forEach(c -> teams.put(c.nodeId(), c));
        return teams;
    }

    private ChangedLines lines(String runKey, List<String> teams) {
        return new ChangedLines() {
            @Override
            public long count(ChangeKind kind) {
                return countLines(runKey, teams, kind);
            }

            @Override
            public List<ChangedLine> largest(ChangeKind kind, int limit) {
                return largestLines(runKey, teams, kind, limit);
            }

            @Override
            public void forEach(ChangeKind kind, Consumer<ChangedLine> action) {
                forEachLine(runKey, teams, kind, action);
            }
        };
    }

    private static String teamFilter(int teams) {
        String marks = Collections.nCopies(teams, "?").stream().collect(Collectors.joining(","));
        return "run_key = ? AND kind = ? AND (team_id IN (" + marks + ") OR previous_team_id IN (" + marks + "))";
    }

    private static List<Object> args(String runKey, Collection<String> teams, ChangeKind kind) {
        List<Object> a = new ArrayList<>();
        a.add(runKey);
        a.add(kind.name());
        a.addAll(teams);
        a.addAll(teams);
        return a;
    }

    private static NodeChange node(ResultSet rs) throws SQLException {
        Map<Window, BigDecimal> change = new EnumMap<>(Window.class);
        putIfPresent(change, Window.MONTH, rs.getBigDecimal(9));
        putIfPresent(change, Window.QUARTER, rs.getBigDecimal(10));
        putIfPresent(change, Window.YEAR, rs.getBigDecimal(11));
        return new NodeChange(Level.valueOf(rs.getString(1)), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                new ChangeFigures(rs.getBigDecimal(4).setScale(2), rs.getBigDecimal(5).setScale(2), rs.getInt(6),
                        rs.getInt(7), rs.getInt(8)), change);
    }

    private static void putIfPresent(Map<Window, BigDecimal> map, Window w, BigDecimal value) {
        if (value != null) {
            map.put(w, value.setScale(2));
        }
    }

    private static ChangedLine line(ResultSet rs) throws SQLException {
        ChangedDeal deal = new ChangedDeal(rs.getString(2), rs.getString(7), rs.getString(3),
                CreditRole.valueOf(rs.getString(4)), rs.getString(5), Optional.ofNullable(rs.getString(6)));
        return new ChangedLine(ChangeKind.valueOf(rs.getString(1)), deal, rs.getDate(8).toLocalDate(),
                Optional.ofNullable(rs.getBigDecimal(9)).map(v -> v.setScale(2)),
                Optional.ofNullable(rs.getBigDecimal(10)).map(v -> v.setScale(2)), rs.getBoolean(11));
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    /** A run's changed lines held in memory, by line team and by previous team. */
    static final class HeldLines {
        private final Map<String, List<ChangedLine>> byTeam = new HashMap<>();
        private final Map<String, List<ChangedLine>> byPreviousTeam = new HashMap<>();

        void add(ChangedLine line) {
            byTeam.computeIfAbsent(line.deal().teamId(), k -> new ArrayList<>()).add(line);
            line.deal().previousTeamId().ifPresent(previous ->
                    byPreviousTeam.computeIfAbsent(previous, k -> new ArrayList<>()).add(line));
        }

        /** The lines a packet of these teams lists: by this run's team or the previous run's, each once. */
        ChangedLines of(Set<String> teams) {
            List<ChangedLine> lines = new ArrayList<>();
            for (String team : teams) {
                lines.addAll(byTeam.getOrDefault(team, List.of()));
                for (ChangedLine line : byPreviousTeam.getOrDefault(team, List.of())) {
                    // a line of a team in the packet was taken above already
                    if (!teams.contains(line.deal().teamId())) {
                        lines.add(line);
                    }
                }
            }
            return ChangedLines.of(lines);
        }
    }

    /** Which run a run was compared with. */
    public record Comparison(Optional<String> previousRunKey, Optional<LocalDate> previousAsOf) {
    }

    /** Retention counts and removes a run's rows in these tables, in this order. */
    @Override
    public RunTables runTables() {
        return new RunTables(jdbc, RUN_TABLES);
    }
}
