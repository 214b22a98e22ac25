package com.salesops.packets.packet;

import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.Tier;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.support.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A rep's comp estimate (docs/numbers.md §6) in words a manager can check (docs/numbers.md §12): the plan's
 * terms, the tier the rep is in, the window's share of the target, the working — and, at 0.00, the reason. The
 * PDF's comp section and the workbook say it with these same sentences.
 */
public final class CompExplanation {

    private static final BigDecimal TWELVE = new BigDecimal("12");

    private CompExplanation() {
    }

    /** "Tier 2 · 50–100 % · rate 1.0" (tiers are numbered from 1 for people; the last has no upper bound). */
    public static String tier(CompPlan plan, int index) {
        Tier t = plan.tiers().get(index);
        return "Tier " + (index + 1) + " · " + range(plan, index) + " · rate " + t.rate().toPlainString();
    }

    /** The plan stated once: target, every tier with its rate, the cap. */
    public static String planTerms(CompPlan plan, String currency) {
        List<String> tiers = new ArrayList<>();
        for (int i = 0; i < plan.tiers().size(); i++) {
            tiers.add("tier " + (i + 1) + " " + range(plan, i) + " rate " + plan.tiers().get(i).rate().toPlainString());
        }
        return "Comp plan \u201c" + plan.name() + "\u201d: annual target " + Decimals.grouped2(plan.annualTarget())
                + " " + currency + "; " + String.join(", ", tiers) + "; capped at " + pct(plan.capPct())
                + " of target.";
    }

    /** The window's share of the annual target: annual target × months of the full period ÷ 12, to the cent. */
    public static BigDecimal windowTarget(CompPlan plan, Period full) {
        return plan.annualTarget().multiply(BigDecimal.valueOf(months(full))).divide(TWELVE, 2, RoundingMode.HALF_UP);
    }

    /** Calendar months of a full period: 1 for a MONTH, 3 for a QUARTER, 12 for a YEAR. */
    public static long months(Period full) {
        return ChronoUnit.MONTHS.between(YearMonth.from(full.start()), YearMonth.from(full.end())) + 1;
    }

    /** "2,654.33 (to 150 %)", "top tier", or n/a without a quota. */
    public static String nextTier(NodeResult rep, CompPlan plan) {
        OptionalInt tier = rep.currentTier();
        if (rep.creditToNextTier().isPresent() && tier.isPresent()) {
            return Decimals.grouped2(rep.creditToNextTier().get()) + " (to "
                    + pct(plan.tiers().get(tier.getAsInt() + 1).fromPct()) + ")";
        }
        return tier.isPresent() && rep.quota().filter(q -> q.signum() > 0).isPresent() ? "top tier" : "n/a";
    }

    /**
     * How the estimate is worked out ("85.19 % × 5,000.00: 50.00 × 1.0 + 23.46 × 1.5", the weighted
     * attainment times the window's target, then each tier's part × rate), or why it is 0.00 (no quota, no
     * positive attainment, below the first paying tier, a plan that pays nothing). Short: one table line.
     */
    public static String why(NodeResult rep, CompPlan plan) {
        if (rep.quota().isEmpty()) {
            return "No quota in this window, so no attainment: 0.00.";
        }
        if (rep.attainmentPct().isEmpty()) {
            return "Quota 0.00, so attainment is n/a: 0.00.";
        }
        BigDecimal a = rep.attainmentPct().get();
        if (a.signum() <= 0) {
            return "No positive attainment (credited " + Decimals.grouped2(rep.credited()) + "): 0.00.";
        }
        if (plan.annualTarget().signum() == 0 || plan.capPct().signum() == 0) {
            return "Plan \u201c" + plan.name() + "\u201d has a target or cap of 0: 0.00.";
        }
        OptionalInt paying = plan.firstPayingTier();
        if (paying.isEmpty()) {
            return "No tier of plan \u201c" + plan.name() + "\u201d pays (every rate is 0): 0.00.";
        }
        BigDecimal start = plan.tiers().get(paying.getAsInt()).fromPct();
        if (a.compareTo(start) <= 0) {
            return "Not above " + pct(start) + ", where the plan starts to pay: 0.00.";
        }
        return working(rep, plan, a);
    }

    private static String working(NodeResult rep, CompPlan plan, BigDecimal a) {
        List<BigDecimal> parts = plan.partsOf(a);
        List<String> terms = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal rate = plan.tiers().get(i).rate();
            if (parts.get(i).signum() > 0 && rate.signum() != 0) {
                terms.add(Decimals.plain2(parts.get(i)) + " × " + rate.toPlainString());
                weighted = weighted.add(parts.get(i).multiply(rate));
            }
        }
        String target = Decimals.grouped2(windowTarget(plan, rep.period()));
        if (weighted.compareTo(plan.capPct()) > 0) {
            return pct(plan.capPct()) + " (the cap) × " + target + "; uncapped " + Decimals.plain2(weighted) + " %: "
                    + String.join(" + ", terms);
        }
        return Decimals.plain2(weighted) + " % × " + target + ": " + String.join(" + ", terms);
    }

    private static String range(CompPlan plan, int index) {
        BigDecimal from = plan.tiers().get(index).fromPct();
        Optional<BigDecimal> to = plan.upperBound(index);
        return to.map(t -> number(from) + "–" + pct(t)).orElse("from " + pct(from));
    }

    /** A bound as configured, without trailing zeros: "50 %", "112.5 %". */
    private static String pct(BigDecimal value) {
        return number(value) + " %";
    }

    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
