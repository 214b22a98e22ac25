package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A variable-comp plan (docs/numbers.md §6): annual target incentive in the base currency, marginal tiers
 * by lower bound (first from 0, ascending; the last runs to infinity) and a cap in % of target.
 */
public record CompPlan(String name, BigDecimal annualTarget, List<Tier> tiers, BigDecimal capPct) {

    public CompPlan {
        Objects.requireNonNull(name, "name");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty() || tiers.get(0).fromPct().signum() != 0) {
            throw new IllegalArgumentException("comp plan " + name + ": the first tier must start at 0 %");
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).fromPct().compareTo(tiers.get(i - 1).fromPct()) <= 0) {
                throw new IllegalArgumentException("comp plan " + name + ": tiers must ascend");
            }
        }
        if (annualTarget.signum() < 0 || capPct.signum() < 0) {
            throw new IllegalArgumentException("comp plan " + name + ": target and cap must not be negative");
        }
    }

    /** Tier {@code index}'s upper bound: the next tier's lower bound; empty for the last tier (no bound). */
    public Optional<BigDecimal> upperBound(int index) {
        return index + 1 < tiers.size() ? Optional.of(tiers.get(index + 1).fromPct()) : Optional.empty();
    }

    /** The first tier whose rate is above 0 (where the plan starts to pay); empty when no tier pays. */
    public OptionalInt firstPayingTier() {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).rate().signum() > 0) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The part of [0, attainmentPct] inside each tier, in tier order, exact (docs/numbers.md §6's "part of
     * [0, attainment] inside the tier"); all zero for an attainment at or below 0.
     */
    public List<BigDecimal> partsOf(BigDecimal attainmentPct) {
        List<BigDecimal> parts = new ArrayList<>(tiers.size());
        for (int i = 0; i < tiers.size(); i++) {
            BigDecimal from = tiers.get(i).fromPct();
            BigDecimal to = upperBound(i).map(attainmentPct::min).orElse(attainmentPct);
            parts.add(to.compareTo(from) > 0 ? to.subtract(from) : BigDecimal.ZERO);
        }
        return List.copyOf(parts);
    }

    /** The shipped default: 60,000; 0–50 % ×0, 50–100 % ×1.0, 100–150 % ×1.5, >150 % ×2.0; cap 250 %. */
    public static CompPlan shippedDefault() {
        return new CompPlan("default", new BigDecimal("60000"), List.of(
                new Tier(BigDecimal.ZERO, BigDecimal.ZERO),
                new Tier(new BigDecimal("50"), new BigDecimal("1.0")),
                new Tier(new BigDecimal("100"), new BigDecimal("1.5")),
                new Tier(new BigDecimal("150"), new BigDecimal("2.0"))), new BigDecimal("250"));
    }
}
