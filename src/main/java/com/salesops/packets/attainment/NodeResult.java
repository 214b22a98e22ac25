package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of {@code attainment.csv} (docs/numbers.md §4–6; columns in docs/architecture.md, "Outputs") plus the extra figures packets show.
 * Empty optionals are empty cells. Money has 2 decimals (HALF_UP); percentages and pace_index are
 * kept exact here and rounded to 2 decimals only when written.
 *
 * @param teamId            REP: the rep-row team (docs/numbers.md §5); TEAM: the parent team (empty for the root)
 * @param sumOfRepQuotas    TEAM only: Σ member-day shares of rep quotas over the subtree (docs/numbers.md §3)
 * @param overAssignmentPct TEAM only: (sumOfRepQuotas / quota − 1) × 100, positive when reps carry more than the
 *                          team's quota; empty when the team quota is 0 (docs/numbers.md §3)
 * @param currentTier       REP only: index (0-based) of the comp tier the attainment is in
 * @param creditToNextTier  REP only: credit still needed to reach the next tier's lower bound
 * @param ranked            REP only: eligible for ranking (REP role on D, not terminated), whether or not it has a rank
 */
public record NodeResult(
        Window window,
        Period period,
        Level level,
        String nodeId,
        String nodeName,
        Optional<String> teamId,
        Optional<BigDecimal> quota,
        BigDecimal credited,
        Optional<BigDecimal> attainmentPct,
        BigDecimal expectedPct,
        Optional<BigDecimal> paceIndex,
        Optional<PaceStatus> paceStatus,
        Optional<BigDecimal> projectedPct,
        Optional<BigDecimal> gapToQuota,
        int dealCount,
        OptionalInt rankInTeam,
        OptionalInt rankInCompany,
        Optional<BigDecimal> compEstimate,
        Optional<BigDecimal> sumOfRepQuotas,
        Optional<BigDecimal> overAssignmentPct,
        OptionalInt currentTier,
        Optional<BigDecimal> creditToNextTier,
        boolean ranked) {
}
