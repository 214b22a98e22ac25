package com.salesops.packets.packet;

import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.attainment.Distribution;
import com.salesops.packets.attainment.Distributions;
import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.MonthFigure;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.ResultOrder;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.changes.PacketChangeSource;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.credit.LineSpool;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Membership;
import com.salesops.packets.source.Org;
import com.salesops.packets.source.Team;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each manager's {@link Packet} from a run's results, restricted to the manager's subtree
 * (docs/numbers.md §8). This is the one place that decides what a packet may contain.
 */
public final class PacketAssembler {

    private static final Logger log = LoggerFactory.getLogger(PacketAssembler.class);

    /** Booking ids per IN list when a packet asks for the lines of given bookings (its flags). */
    private static final int BOOKINGS_PER_QUERY = 500;

    private final RunPlan plan;
    private final Org org;
    private final List<NodeResult> rows;
    private final List<Flag> flags;
    private final CreditStore credits;
    private final LineSpool spool;
    private final int maxDealRows;
    private final PacketChangeSource changes;
    private final Function<String, CompPlan> compPlanOf;
    /** Every node's month figures of the run, by level and node id. */
    private final Map<String, List<MonthFigure>> months;
    /** Each team's own line count in the app database (the compute step's totals), read once. */
    private Map<String, Long> ownLines;
    /** The spool's line count per team, when it is complete; read once. */
    private Optional<Map<String, Long>> spooled;

    /**
     * @param months     every node's month figures of the run (the Trend)
     * @param credits    the run's credit lines (the Deals sheet, the daily credit, the flags' lines)
     * @param spool      the same lines as the compute step spooled them per team; a packet reads its
     *                   Deals lines there when the spool holds each of its teams' lines, else from
     *                   {@code credits} (docs/performance.md)
     * @param changes    each packet's part of the changes since the previous run
     * @param compPlanOf the comp plan of an employee (docs/numbers.md §6), as the compute step used it
     */
    public PacketAssembler(RunPlan plan, Org org, List<NodeResult> rows, List<Flag> flags, List<MonthFigure> months,
                           CreditStore credits, LineSpool spool, int maxDealRows, PacketChangeSource changes,
                           Function<String, CompPlan> compPlanOf) {
        this.changes = changes;
        this.compPlanOf = compPlanOf;
        this.months = new HashMap<>();
        for (MonthFigure m : months) {
            this.months.computeIfAbsent(m.level() + "\u0000" + m.nodeId(), k -> new ArrayList<>()).add(m);
        }
        this.plan = plan;
        this.org = org;
        this.rows = rows;
        this.flags = flags;
        this.credits = credits;
        this.spool = spool;
        this.maxDealRows = maxDealRows;
    }

    /** Teams that get a packet: a manager_id naming a known employee (docs/numbers.md §8), id order. */
    public List<Team> packetTeams() {
        return org.teams().values().stream()
                .filter(t -> t.managerId() != null && org.employee(t.managerId()).isPresent())
                .sorted((a, b) -> ResultOrder.CODE_POINT.compare(a.id(), b.id()))
                .toList();
    }

    /**
     * Credit lines in each packet team's subtree (the compute step's per-team daily totals, summed
     * up the tree): what a packet's Deals sheet and charts stream, so what its rendering costs.
     */
    public Map<String, Long> subtreeLines() {
        Map<String, Long> own = ownLines();
        Map<String, Long> lines = new HashMap<>();
        for (Team team : packetTeams()) {
            lines.put(team.id(), subtree(team.id()).stream().mapToLong(id -> own.getOrDefault(id, 0L)).sum());
        }
        return lines;
    }

    public Set<String> subtree(String teamId) {
        return subtreeOf(org, teamId);
    }

    /** A team and every team below it. */
    public static Set<String> subtreeOf(Org org, String teamId) {
        Set<String> ids = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(teamId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (ids.add(id)) {
                org.children(id).forEach(c -> todo.push(c.id()));
            }
        }
        return ids;
    }

    public Packet assemble(Team team, Instant generatedAt) {
        Set<String> subtree = subtree(team.id());
        Employee manager = org.employee(team.managerId()).orElseThrow();
        List<String> children = org.children(team.id()).stream().map(Team::id)
                .sorted(ResultOrder.CODE_POINT).toList();

        List<NodeResult> teamRows = new ArrayList<>();
        List<NodeResult> repRows = new ArrayList<>();
        Set<String> members = packetEmployees(subtree);
        for (NodeResult r : rows) {
            if (r.level() == Level.TEAM && subtree.contains(r.nodeId())) {
                teamRows.add(r);
            } else if (r.level() == Level.REP && members.contains(r.nodeId())) {
                repRows.add(r);
            }
        }
        teamRows.sort((a, b) -> {
            int c = a.window().compareTo(b.window());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(teamRank(a.nodeId(), team.id(), children), teamRank(b.nodeId(), team.id(), children));
            return c != 0 ? c : ResultOrder.CODE_POINT.compare(a.nodeId(), b.nodeId());
        });
        Map<Window, Distribution> distribution = new EnumMap<>(Window.class);
        for (Window w : Window.values()) {
            // the packet's own reps: one counted in a team outside the subtree is in that team's distribution
            distribution.put(w, Distributions.of(repRows.stream()
                    .filter(r -> r.window() == w && r.teamId().filter(subtree::contains).isPresent()).toList()));
        }
        Map<String, String> teamNames = new TreeMap<>(ResultOrder.CODE_POINT);
        subtree.forEach(id -> teamNames.put(id, org.team(id).map(Team::name).orElse(id)));
        List<Flag> packetFlags = flags.stream().filter(f -> subtree.contains(f.teamId())).toList();

        List<String> teamList = new ArrayList<>(subtree);
        long total = countLines(teamList);
        long shown = Math.min(total, maxDealRows);
        DealSource deals = new DealSource() {
            @Override
            public void forEach(Consumer<DealLine> action) {
                streamDeals(teamList, total > maxDealRows ? Selection.LARGEST : Selection.ALL, List.of(), action);
            }

            @Override
            public void forEachOfBookings(Set<String> bookingIds, Consumer<DealLine> action) {
                List<String> ids = bookingIds.stream().sorted(ResultOrder.CODE_POINT).toList();
                for (int from = 0; from < ids.size(); from += BOOKINGS_PER_QUERY) {
                    streamDeals(teamList, Selection.ALL, ids.subList(from, Math.min(ids.size(), from + BOOKINGS_PER_QUERY)),
                            action);
                }
            }
        };
        return new Packet(plan, generatedAt, team, manager, List.copyOf(teamRows), List.copyOf(repRows),
                Collections.unmodifiableMap(teamNames), children, distribution, packetFlags,
                dailyCredit(teamList), deals, total, shown, org.fx().baseCurrency(),
                SubtreeMembers.guests(org, plan, subtree, repRows), SubtreeMembers.overlayTeams(org, plan, subtree),
                trend(team.id(), children, repRows), changes.forPacket(team.id(), children, subtree, members),
                repRows.stream().map(NodeResult::nodeId).distinct().collect(Collectors.toMap(id -> id, compPlanOf)));
    }

    /** The Trend: the packet's team, its direct children, then each rep of the packet, month by month. */
    private List<MonthFigure> trend(String teamId, List<String> children, List<NodeResult> repRows) {
        List<MonthFigure> trend = new ArrayList<>(months.getOrDefault(Level.TEAM + "\u0000" + teamId, List.of()));
        children.forEach(c -> trend.addAll(months.getOrDefault(Level.TEAM + "\u0000" + c, List.of())));
        repRows.stream().map(NodeResult::nodeId).distinct().sorted(ResultOrder.CODE_POINT)
                .forEach(id -> trend.addAll(months.getOrDefault(Level.REP + "\u0000" + id, List.of())));
        return List.copyOf(trend);
    }

    private static int teamRank(String id, String self, List<String> children) {
        if (id.equals(self)) {
            return 0;
        }
        return children.contains(id) ? 1 : 2;
    }

    /**
     * Employees in a packet: a membership in the subtree overlapping the YEAR window, or a rep-row
     * team in the subtree (docs/numbers.md §8).
     */
    private Set<String> packetEmployees(Set<String> subtree) {
        Period year = plan.window(Window.YEAR);
        Set<String> ids = new HashSet<>();
        for (Membership m : org.memberships()) {
            if (subtree.contains(m.teamId()) && m.overlaps(year)) {
                ids.add(m.employeeId());
            }
        }
        for (NodeResult r : rows) {
            if (r.level() == Level.REP && r.teamId().filter(subtree::contains).isPresent()) {
                ids.add(r.nodeId());
            }
        }
        return ids;
    }

    /** Credit lines of the subtree, from the compute step's per-team, per-day totals. */
    private long countLines(List<String> teams) {
        return credits.lineCount(plan.runKey(), teams);
    }

    /** The subtree's PRIMARY credit per day of the MONTH and QUARTER windows (pace charts). */
    private Map<Window, SortedMap<LocalDate, BigDecimal>> dailyCredit(List<String> teams) {
        Map<Window, SortedMap<LocalDate, BigDecimal>> daily = new EnumMap<>(Window.class);
        for (Window w : List.of(Window.MONTH, Window.QUARTER)) {
            daily.put(w, credits.dailyPrimaryCredit(plan.runKey(), teams, plan.window(w)));
        }
        return daily;
    }

    /** Which of a subtree's lines a query streams. */
    private enum Selection { ALL, LARGEST }

    private void streamDeals(List<String> teams, Selection selection, List<String> bookingIds,
                             Consumer<DealLine> action) {
        Map<String, String> teamNames = new LinkedHashMap<>();
        CreditStore.LineAction deal = (line, booking) -> {
            String employeeName = org.employee(line.employeeId()).map(Employee::fullName).orElse(line.employeeId());
            String teamName = teamNames.computeIfAbsent(line.teamId(), id -> org.team(id).map(Team::name).orElse(id));
            action.accept(new DealLine(line, booking, employeeName, teamName));
        };
        boolean fromSpool = bookingIds.isEmpty() && spoolHolds(teams);
        if (selection == Selection.LARGEST) {
            if (fromSpool) {
                spool.forEachLargestLine(teams, maxDealRows, deal);
            } else {
                credits.forEachLargestLine(plan.runKey(), teams, maxDealRows, deal);
            }
        } else if (fromSpool) {
            spool.forEachLine(teams, deal);
        } else {
            credits.forEachLine(plan.runKey(), teams, bookingIds, deal);
        }
    }

    /** Whether the spool holds exactly the database's lines of each of the teams. */
    private boolean spoolHolds(List<String> teams) {
        if (spooled == null) {
            spooled = spool.index();
            if (spooled.isEmpty()) {
                log.info("{}: no complete line spool in {}; packets read their lines from the app database",
                        plan.runKey(), spool.dir());
            }
        }
        if (spooled.isEmpty()) {
            return false;
        }
        Map<String, Long> own = ownLines();
        for (String team : teams) {
            if (!spooled.get().getOrDefault(team, 0L).equals(own.getOrDefault(team, 0L))) {
                log.warn("{}: the line spool holds {} lines of team {}, the app database {}; reading the database",
                        plan.runKey(), spooled.get().getOrDefault(team, 0L), team, own.getOrDefault(team, 0L));
                return false;
            }
        }
        return true;
    }

    private Map<String, Long> ownLines() {
        if (ownLines == null) {
            ownLines = credits.lineCountByTeam(plan.runKey());
        }
        return ownLines;
    }
}
