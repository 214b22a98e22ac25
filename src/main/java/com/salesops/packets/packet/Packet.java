package com.salesops.packets.packet;

import com.salesops.packets.attainment.Distribution;
import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Team;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

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
        long dealRowsShown) {

    public String runKey() {
        return plan.runKey();
    }

    public LocalDate asOf() {
        return plan.asOf();
    }

    public boolean dealsTruncated() {
        return dealRowsShown < totalDealLines;
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
