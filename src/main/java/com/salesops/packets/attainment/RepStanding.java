package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What only a rep row has: its ranks (docs/numbers.md §5) and its comp estimate (§6). A team row has {@link #NONE}.
 *
 * @param rankInTeam       among the rankable reps of the same rep-row team; empty when not ranked
 * @param rankInCompany    among all rankable reps; empty when not ranked
 * @param compEstimate     the comp estimate for the window
 * @param currentTier      index (0-based) of the comp tier the attainment is in
 * @param creditToNextTier credit still needed to reach the next tier's lower bound
 * @param ranked           eligible for ranking (REP role on D, not terminated), whether or not it has a rank
 */
public record RepStanding(
        OptionalInt rankInTeam,
        OptionalInt rankInCompany,
        Optional<BigDecimal> compEstimate,
        OptionalInt currentTier,
        Optional<BigDecimal> creditToNextTier,
        boolean ranked) {

    /** A team row's: every cell empty, not ranked. */
    public static final RepStanding NONE = new RepStanding(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
            OptionalInt.empty(), Optional.empty(), false);

    public RepStanding {
        Objects.requireNonNull(rankInTeam, "rankInTeam");
        Objects.requireNonNull(rankInCompany, "rankInCompany");
        Objects.requireNonNull(compEstimate, "compEstimate");
        Objects.requireNonNull(currentTier, "currentTier");
        Objects.requireNonNull(creditToNextTier, "creditToNextTier");
    }

    /** A rep's standing before {@link Ranking} gives it ranks. */
    public static RepStanding beforeRanking(Optional<BigDecimal> compEstimate, OptionalInt currentTier,
                                            Optional<BigDecimal> creditToNextTier, boolean ranked) {
        return new RepStanding(OptionalInt.empty(), OptionalInt.empty(), compEstimate, currentTier, creditToNextTier,
                ranked);
    }

    /** The same standing with these ranks. */
    public RepStanding withRanks(OptionalInt inTeam, OptionalInt inCompany) {
        return new RepStanding(inTeam, inCompany, compEstimate, currentTier, creditToNextTier, ranked);
    }
}
