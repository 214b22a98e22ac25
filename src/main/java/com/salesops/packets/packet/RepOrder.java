package com.salesops.packets.packet;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every view of a packet orders and picks reps, so page 1, the charts, the rep table and the
 * workbook agree: one comparison window, best first by the 2-decimal attainment (as ranked), ties
 * kept together, and chart labels that tell same-name reps apart.
 */
public final class RepOrder {

    /**
     * The window of every rep-by-rep comparison (page 1's best and lowest, the bar charts, the
     * workbook's chart): a quarter says more than the first days of a month. Every title names it.
     */
    public static final Window COMPARISON = Window.QUARTER;

    public static final Comparator<NodeResult> BEST_FIRST = Comparator
            .comparing(RepOrder::printed).reversed()
            .thenComparing(NodeResult::nodeName, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(NodeResult::nodeId);

    private RepOrder() {
    }

    /** The attainment as printed and ranked (2 decimals, HALF_UP). */
    public static BigDecimal printed(NodeResult rep) {
        return rep.attainmentPct().orElseThrow().setScale(2, RoundingMode.HALF_UP);
    }

    /** Rep rows of {@code window} that have an attainment, best first, one per rep. */
    public static List<NodeResult> withAttainmentBestFirst(List<NodeResult> repRows, Window window) {
        Map<String, NodeResult> byRep = new LinkedHashMap<>();
        repRows.stream()
                .filter(r -> r.window() == window && r.attainmentPct().isPresent())
                .sorted(BEST_FIRST)
                .forEach(r -> byRep.putIfAbsent(r.nodeId(), r));
        return List.copyOf(byRep.values());
    }

    /**
     * The first {@code n} of a best-first list, plus every rep tied with the n-th (same printed
     * attainment): a cut never hides a rep who did exactly as well as one it shows.
     */
    public static List<NodeResult> firstWithTies(List<NodeResult> bestFirst, int n) {
        if (bestFirst.size() <= n) {
            return bestFirst;
        }
        BigDecimal edge = printed(bestFirst.get(n - 1));
        int end = n;
        while (end < bestFirst.size() && printed(bestFirst.get(end)).compareTo(edge) == 0) {
            end++;
        }
        return bestFirst.subList(0, end);
    }

    /** The last {@code n} of a best-first list (lowest first), plus every rep tied with the n-th lowest. */
    public static List<NodeResult> lastWithTies(List<NodeResult> bestFirst, int n) {
        List<NodeResult> lowestFirst = new ArrayList<>(bestFirst);
        Collections.reverse(lowestFirst);
        return firstWithTies(lowestFirst, n);
    }

    /** Standard competition ranks (1, 2, 2, 4) over a best-first list, by printed attainment. */
    public static Map<String, Integer> competitionRanks(List<NodeResult> bestFirst) {
        Map<String, Integer> ranks = new HashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < bestFirst.size(); i++) {
            BigDecimal value = printed(bestFirst.get(i));
            if (previous == null || value.compareTo(previous) != 0) {
                rank = i + 1;
                previous = value;
            }
            ranks.putIfAbsent(bestFirst.get(i).nodeId(), rank);
        }
        return ranks;
    }

    /** A rep's name, or the id when the source has none. */
    public static String name(NodeResult rep) {
        return rep.nodeName() == null || rep.nodeName().isBlank() ? rep.nodeId() : rep.nodeName();
    }

    /** Chart labels: the name, with the employee id added where two listed reps share a name. */
    public static Map<String, String> chartLabels(List<NodeResult> reps) {
        Map<String, Integer> count = new HashMap<>();
        reps.forEach(r -> count.merge(name(r), 1, Integer::sum));
        Map<String, String> labels = new HashMap<>();
        for (NodeResult r : reps) {
            labels.put(r.nodeId(), count.get(name(r)) > 1 ? name(r) + " (" + r.nodeId() + ")" : name(r));
        }
        return labels;
    }
}
