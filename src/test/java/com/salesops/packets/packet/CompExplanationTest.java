package com.salesops.packets.packet;

import static com.salesops.packets.packet.CompSamples.rep;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.Tier;
import com.salesops.packets.calendar.Window;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The words and numbers that explain a comp estimate (docs/numbers.md §12), worked out by hand. */
class CompExplanationTest {

    private static final CompPlan DEFAULT = CompPlan.shippedDefault();
    private static List<NodeResult> rows;

    @BeforeAll
    static void compute() {
        rows = CompSamples.repRows();
    }

    @Test
    void aRepInAMiddleTierGetsTheMarginalWorkingAndTheGapToTheNextTier() {
        // given: E1, 12,345.67 of 10,000.00 = 123.4567 %
        NodeResult month = rep(rows, Window.MONTH, "E1");
        NodeResult quarter = rep(rows, Window.QUARTER, "E1");

        // when / then
        // MONTH T = 60,000 × 1 / 12 = 5,000.00; 50 × 1.0 + 23.4567 × 1.5 = 50 + 35.18505 = 85.18505 %
        // → 5,000 × 85.18505 / 100 = 4,259.2525 → 4,259.25
        assertThat(month.compEstimate()).hasValue(new BigDecimal("4259.25"));
        assertThat(CompExplanation.tier(DEFAULT, month.currentTier().getAsInt()))
                .isEqualTo("Tier 3 · 100–150 % · rate 1.5");
        assertThat(CompExplanation.windowTarget(DEFAULT, month.period())).isEqualByComparingTo("5000.00");
        assertThat(CompExplanation.why(month, DEFAULT))
                .isEqualTo("85.19 % × 5,000.00: 50.00 × 1.0 + 23.46 × 1.5");
        // next tier from 150 %: 150 % × 10,000 − 12,345.67 = 2,654.33
        assertThat(CompExplanation.nextTier(month, DEFAULT)).isEqualTo("2,654.33 (to 150 %)");
        // QUARTER T = 60,000 × 3 / 12 = 15,000.00 → 15,000 × 85.18505 / 100 = 12,777.7575 → 12,777.76
        assertThat(quarter.compEstimate()).hasValue(new BigDecimal("12777.76"));
        assertThat(CompExplanation.why(quarter, DEFAULT))
                .isEqualTo("85.19 % × 15,000.00: 50.00 × 1.0 + 23.46 × 1.5");
    }

    @Test
    void aRepBelowTheFirstPayingTierGetsZeroWithTheReasonAndWhatItTakes() {
        // given: E2, 24,258.91 credited this month of 60,000.00 = 40.4315… %
        NodeResult month = rep(rows, Window.MONTH, "E2");

        // then: all of it in tier 1 (0–50 %, rate 0) → 0.00; 50 % × 60,000 − 24,258.91 = 5,741.09 to reach tier 2
        assertThat(month.compEstimate()).hasValue(new BigDecimal("0.00"));
        assertThat(CompExplanation.tier(DEFAULT, month.currentTier().getAsInt())).isEqualTo("Tier 1 · 0–50 % · rate 0");
        assertThat(CompExplanation.why(month, DEFAULT))
                .isEqualTo("Not above 50 %, where the plan starts to pay: 0.00.");
        assertThat(CompExplanation.nextTier(month, DEFAULT)).isEqualTo("5,741.09 (to 50 %)");
    }

    @Test
    void aRepWithoutQuotaGetsZeroBecauseThereIsNoAttainment() {
        // given: E3, 1,000.00 credited, no rep_quota row in the year
        NodeResult year = rep(rows, Window.YEAR, "E3");

        // then
        assertThat(year.compEstimate()).hasValue(new BigDecimal("0.00"));
        assertThat(CompExplanation.why(year, DEFAULT))
                .isEqualTo("No quota in this window, so no attainment: 0.00.");
        assertThat(CompExplanation.nextTier(year, DEFAULT)).isEqualTo("n/a");
    }

    @Test
    void aRepAboveTheCapIsPaidTheCapAndTheWorkingSaysSo() {
        // given: E4, 30,000.00 of 10,000.00 = 300 %
        NodeResult month = rep(rows, Window.MONTH, "E4");

        // then: 50 × 1.0 + 50 × 1.5 + 150 × 2.0 = 425 % > cap 250 % → 250 % of 5,000.00 = 12,500.00; top tier
        assertThat(month.compEstimate()).hasValue(new BigDecimal("12500.00"));
        assertThat(CompExplanation.why(month, DEFAULT)).isEqualTo(
                "250 % (the cap) × 5,000.00; uncapped 425.00 %: 50.00 × 1.0 + 50.00 × 1.5 + 150.00 × 2.0");
        assertThat(CompExplanation.nextTier(month, DEFAULT)).isEqualTo("top tier");
    }

    @Test
    void thePlanIsStatedWithEveryTierItsRateAndTheCap() {
        // given: a configured plan with a fractional bound
        CompPlan plan = new CompPlan("hunters", new BigDecimal("48000"), List.of(
                new Tier(BigDecimal.ZERO, BigDecimal.ZERO),
                new Tier(new BigDecimal("62.5"), new BigDecimal("1.2")),
                new Tier(new BigDecimal("100"), new BigDecimal("2"))), new BigDecimal("200"));

        // then: MONTH target 48,000 / 12 = 4,000.00
        assertThat(CompExplanation.planTerms(plan, "EUR")).isEqualTo("Comp plan \u201chunters\u201d: annual target"
                + " 48,000.00 EUR; tier 1 0–62.5 % rate 0, tier 2 62.5–100 % rate 1.2, tier 3 from 100 % rate 2;"
                + " capped at 200 % of target.");
        assertThat(CompExplanation.windowTarget(plan, CompSamples.PLAN.fullPeriod(Window.MONTH)))
                .isEqualByComparingTo("4000.00");
        assertThat(CompExplanation.windowTarget(plan, CompSamples.PLAN.fullPeriod(Window.QUARTER)))
                .isEqualByComparingTo("12000.00");
    }
}
