package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What only a team row has: how the reps' quotas compare with the team's (docs/numbers.md §3). A rep
 * row has {@link #NONE}.
 *
 * @param sumOfRepQuotas    Σ member-day shares of rep quotas over the subtree
 * @param overAssignmentPct (sumOfRepQuotas / quota − 1) × 100, positive when reps carry more than the team's
 *                          quota; empty when the team quota is 0
 */
public record TeamSpread(Optional<BigDecimal> sumOfRepQuotas, Optional<BigDecimal> overAssignmentPct) {

    /** A rep row's: both cells empty. */
    public static final TeamSpread NONE = new TeamSpread(Optional.empty(), Optional.empty());

    public TeamSpread {
        Objects.requireNonNull(sumOfRepQuotas, "sumOfRepQuotas");
        Objects.requireNonNull(overAssignmentPct, "overAssignmentPct");
    }
}
