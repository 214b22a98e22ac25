package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The comp estimate and tier position of docs/numbers.md §6, on the unrounded attainment. */
final class Comp {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TWELVE_HUNDRED = new BigDecimal("1200");

    private Comp() {
    }

    /**
     * round2(T × min(Σ tier part × rate, cap) / 100) with T = annual target × months / 12, worked as one
     * exact quotient so that only the final cent is rounded. Negative or empty attainment: 0.00.
     */
    static BigDecimal estimate(CompPlan plan, int monthsInPeriod, Optional<BigDecimal> attainmentPct) {
        if (attainmentPct.isEmpty() || attainmentPct.get().signum() <= 0) {
            return Quotas.ZERO;
        }
        List<BigDecimal> parts = plan.partsOf(attainmentPct.get());
        BigDecimal weighted = BigDecimal.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            weighted = weighted.add(parts.get(i).multiply(plan.tiers().get(i).rate()));
        }
        BigDecimal capped = weighted.min(plan.capPct());
        return plan.annualTarget().multiply(BigDecimal.valueOf(monthsInPeriod)).multiply(capped)
                .divide(TWELVE_HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** Index of the tier the attainment lies in (a negative attainment is in the first). */
    static OptionalInt currentTier(CompPlan plan, Optional<BigDecimal> attainmentPct) {
        if (attainmentPct.isEmpty()) {
            return OptionalInt.empty();
        }
        int tier = 0;
        for (int i = 0; i < plan.tiers().size(); i++) {
            if (plan.tiers().get(i).fromPct().compareTo(attainmentPct.get()) <= 0) {
                tier = i;
            }
        }
        return OptionalInt.of(tier);
    }

    /** next tier's lower bound % × quota / 100 − credited, rounded up to the cent; empty at the top tier. */
    static Optional<BigDecimal> creditToNextTier(CompPlan plan, Optional<BigDecimal> attainmentPct,
                                                 BigDecimal quota, BigDecimal credited) {
        OptionalInt tier = currentTier(plan, attainmentPct);
        if (tier.isEmpty() || tier.getAsInt() + 1 >= plan.tiers().size()) {
            return Optional.empty();
        }
        BigDecimal bound = plan.tiers().get(tier.getAsInt() + 1).fromPct();
        return Optional.of(bound.multiply(quota).divide(HUNDRED).subtract(credited).setScale(2, RoundingMode.CEILING));
    }
}
