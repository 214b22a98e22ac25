package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Standard competition ranking (1, 2, 2, 4) on the 2-decimal attainment, descending (docs/numbers.md §5):
 * in the company and within each rep-row team, among eligible reps with an attainment.
 */
final class Ranking {

    private Ranking() {
    }

    /** The rep rows of one window, with rank_in_team and rank_in_company filled in, in the same order. */
    static List<NodeResult> rank(List<NodeResult> repRows) {
        // rank = 1 + how many rankable reps (in the company, or in the same rep-row team) print higher:
        // the position of a value's first occurrence in that group's values sorted high to low
        List<BigDecimal> company = new ArrayList<>();
        Map<Optional<String>, List<BigDecimal>> byTeam = new HashMap<>();
        for (NodeResult r : repRows) {
            if (rankable(r)) {
                BigDecimal value = printed(r);
                company.add(value);
                byTeam.computeIfAbsent(r.teamId(), k -> new ArrayList<>()).add(value);
            }
        }
        Map<BigDecimal, Integer> companyRank = firstPositions(company);
        Map<Optional<String>, Map<BigDecimal, Integer>> teamRank = new HashMap<>();
        byTeam.forEach((team, values) -> teamRank.put(team, firstPositions(values)));

        List<NodeResult> out = new ArrayList<>(repRows.size());
        for (NodeResult r : repRows) {
            if (!rankable(r)) {
                out.add(r);
                continue;
            }
            BigDecimal mine = printed(r);
            out.add(r.withRanks(OptionalInt.of(teamRank.get(r.teamId()).get(mine)),
                    OptionalInt.of(companyRank.get(mine))));
        }
        return out;
    }

    /** For each value (all at scale 2), 1 + the number of values greater than it. */
    private static Map<BigDecimal, Integer> firstPositions(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.reverseOrder());
        Map<BigDecimal, Integer> first = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            first.putIfAbsent(sorted.get(i), i + 1);
        }
        return first;
    }

    static boolean rankable(NodeResult r) {
        return r.level() == Level.REP && r.ranked() && r.attainmentPct().isPresent();
    }

    static BigDecimal printed(NodeResult r) {
        return r.attainmentPct().orElseThrow().setScale(2, RoundingMode.HALF_UP);
    }
}
