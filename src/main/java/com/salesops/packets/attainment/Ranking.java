package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Standard competition ranking (1, 2, 2, 4) on the 2-decimal attainment, descending (DESIGN §4.5):
 * in the company and within each rep-row team, among eligible reps with an attainment.
 */
final class Ranking {

    private Ranking() {
    }

    /** The rep rows of one window, with rank_in_team and rank_in_company filled in, in the same order. */
    static List<NodeResult> rank(List<NodeResult> repRows) {
        List<NodeResult> rankable = repRows.stream().filter(Ranking::rankable).toList();
        List<NodeResult> out = new ArrayList<>(repRows.size());
        for (NodeResult r : repRows) {
            if (!rankable(r)) {
                out.add(r);
                continue;
            }
            BigDecimal mine = printed(r);
            int company = 1;
            int team = 1;
            for (NodeResult other : rankable) {
                if (printed(other).compareTo(mine) > 0) {
                    company++;
                    if (other.teamId().equals(r.teamId())) {
                        team++;
                    }
                }
            }
            out.add(withRanks(r, OptionalInt.of(team), OptionalInt.of(company)));
        }
        return out;
    }

    static boolean rankable(NodeResult r) {
        return r.level() == Level.REP && r.ranked() && r.attainmentPct().isPresent();
    }

    static BigDecimal printed(NodeResult r) {
        return r.attainmentPct().orElseThrow().setScale(2, RoundingMode.HALF_UP);
    }

    private static NodeResult withRanks(NodeResult r, OptionalInt team, OptionalInt company) {
        return new NodeResult(r.window(), r.period(), r.level(), r.nodeId(), r.nodeName(), r.teamId(), r.quota(),
                r.credited(), r.attainmentPct(), r.expectedPct(), r.paceIndex(), r.paceStatus(), r.projectedPct(),
                r.gapToQuota(), r.dealCount(), team, company, r.compEstimate(), r.sumOfRepQuotas(),
                r.overAssignmentPct(), r.currentTier(), r.creditToNextTier(), r.ranked());
    }
}
