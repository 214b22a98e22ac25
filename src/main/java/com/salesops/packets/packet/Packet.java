package com.salesops.packets.packet;

import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.attainment.Distribution;
import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.MonthFigure;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.changes.PacketChanges;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Team;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Everything one manager's packet shows, already restricted to the manager's subtree (docs/numbers.md §8):
 * renderers never see anything else, so they cannot leak it.
 *
 * @param teamRows          TEAM rows, all windows, for the packet's team first, then its direct
 *                          children, then every other team of the subtree (id order)
 * @param repRows           REP rows, all windows, of every employee belonging to the packet (node id order)
 * @param teamNames         id → name of every team in the subtree
 * @param directChildTeamIds the packet team's direct children, id order
 * @param distribution      per window, the ranked reps of the packet by attainment band
 * @param flags             flags whose team is in the subtree
 * @param dailyCredit       for MONTH and QUARTER: the packet team's credit per day of the window (days without credit absent)
 * @param deals             the subtree's credit lines, at most {@code dealRowsShown} of them
 * @param totalDealLines    how many lines the subtree has in all
 * @param dealRowsShown     how many lines {@code deals} yields (less than totalDealLines when the sheet limit cut it)
 * @param baseCurrency      the currency every amount is in ({@code packets.base-currency}), named wherever money is shown
 * @param guests            employee id → why a rep whose rep-row team is outside the subtree is in this
 *                          packet (a membership in the subtree this year, docs/numbers.md §8)
 * @param overlayTeams      teams of the subtree whose members this year are all OVERLAY: their credit
 *                          counts for the specialists, never for the team (docs/numbers.md §2)
 * @param trend             month by month over the fiscal year so far: the packet's team, its direct
 *                          children and every rep of {@code repRows} (node, then month order; docs/numbers.md §11)
 * @param changes           what changed in the subtree since the previous run (docs/numbers.md §10)
 * @param compPlans         employee id → comp plan, for every rep of {@code repRows} (docs/numbers.md §6)
 */
public record Packet(
        RunPlan plan,
        Instant generatedAt,
        Team team,
        Employee manager,
        List<NodeResult> teamRows,
        List<NodeResult> repRows,
        Map<String, String> teamNames,
        List<String> directChildTeamIds,
        Map<Window, Distribution> distribution,
        List<Flag> flags,
        Map<Window, SortedMap<LocalDate, BigDecimal>> dailyCredit,
        DealSource deals,
        long totalDealLines,
        long dealRowsShown,
        String baseCurrency,
        Map<String, String> guests,
        Set<String> overlayTeams,
        List<MonthFigure> trend,
        PacketChanges changes,
        Map<String, CompPlan> compPlans) {

    public Packet {
        compPlans = Map.copyOf(compPlans);
        for (NodeResult rep : repRows) {
            if (!compPlans.containsKey(rep.nodeId())) {
                throw new IllegalArgumentException("no comp plan for rep " + rep.nodeId() + " of packet " + team.id());
            }
        }
    }

    /** A packet whose reps are all on the shipped default comp plan. */
    public Packet(RunPlan plan, Instant generatedAt, Team team, Employee manager, List<NodeResult> teamRows,
                  List<NodeResult> repRows, Map<String, String> teamNames, List<String> directChildTeamIds,
                  Map<Window, Distribution> distribution, List<Flag> flags,
                  Map<Window, SortedMap<LocalDate, BigDecimal>> dailyCredit, DealSource deals, long totalDealLines,
                  long dealRowsShown, String baseCurrency, Map<String, String> guests, Set<String> overlayTeams,
                  List<MonthFigure> trend, PacketChanges changes) {
        this(plan, generatedAt, team, manager, teamRows, repRows, teamNames, directChildTeamIds, distribution, flags,
                dailyCredit, deals, totalDealLines, dealRowsShown, baseCurrency, guests, overlayTeams, trend, changes,
                repRows.stream().map(NodeResult::nodeId).distinct()
                        .collect(Collectors.toMap(id -> id, id -> CompPlan.shippedDefault())));
    }

    /** A packet without a comparison with an earlier run (it says there is none). */
    public Packet(RunPlan plan, Instant generatedAt, Team team, Employee manager, List<NodeResult> teamRows,
                  List<NodeResult> repRows, Map<String, String> teamNames, List<String> directChildTeamIds,
                  Map<Window, Distribution> distribution, List<Flag> flags,
                  Map<Window, SortedMap<LocalDate, BigDecimal>> dailyCredit, DealSource deals, long totalDealLines,
                  long dealRowsShown, String baseCurrency, Map<String, String> guests, Set<String> overlayTeams,
                  List<MonthFigure> trend) {
        this(plan, generatedAt, team, manager, teamRows, repRows, teamNames, directChildTeamIds, distribution, flags,
                dailyCredit, deals, totalDealLines, dealRowsShown, baseCurrency, guests, overlayTeams, trend,
                PacketChanges.none());
    }

    /**
     * Whether a flag is about the latest closed month or quarter (what a manager can still act on),
     * rather than an earlier month of the year.
     */
    public boolean recent(Flag flag) {
        return flag.period().equals(plan.latestClosedMonth()) || flag.period().equals(plan.latestClosedQuarter());
    }

    /** Whether a rep row belongs to this packet's subtree (not a guest from another team). */
    public boolean own(NodeResult rep) {
        return rep.teamId().filter(teamNames::containsKey).isPresent();
    }

    public String runKey() {
        return plan.runKey();
    }

    public LocalDate asOf() {
        return plan.asOf();
    }

    public boolean dealsTruncated() {
        return dealRowsShown < totalDealLines;
    }

    /** The comp plan of a rep of this packet. */
    public CompPlan compPlan(String employeeId) {
        CompPlan plan = compPlans.get(employeeId);
        if (plan == null) {
            throw new IllegalArgumentException("no comp plan for " + employeeId + " in packet " + team.id());
        }
        return plan;
    }

    /** The comp plans of the packet's reps, each once, by name. */
    public List<CompPlan> compPlansInUse() {
        return compPlans.values().stream().distinct()
                .sorted(Comparator.comparing(CompPlan::name)).toList();
    }

    /** The packet team's own row for a window. */
    public NodeResult teamRow(Window window) {
        return teamRows.stream()
                .filter(r -> r.window() == window && r.nodeId().equals(team.id()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + window + " row for team " + team.id()));
    }

    /** File name stem, e.g. {@code team-west-nightly-2026-11-26}. */
    public String fileStem() {
        return team.id() + "-" + plan.runKey();
    }
}
