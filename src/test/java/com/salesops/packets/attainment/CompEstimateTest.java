package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.line;
import static com.salesops.packets.attainment.Fixture.rep;
import static com.salesops.packets.attainment.Fixture.run;
import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.testing.OrgBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Comp estimate, current tier and credit to the next tier (docs/numbers.md §6), shipped default plan:
 * 60,000 a year; T = 5,000 for a MONTH, 15,000 for a QUARTER, 60,000 for the YEAR.
 */
class CompEstimateTest {

    static OrgBuilder one(String quota) {
        return org().team("WEST", "West", null).employee("E1", "Ann", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", null).repQuota("E1", "2026-11", quota, "USD");
    }

    static NodeResult month(String quota, String credited) {
        return rep(run(NOV_CLOSE, one(quota).build(), line("B1", "E1", "WEST", "2026-11-05", credited)), Window.MONTH, "E1");
    }

    static void assertComp(NodeResult r, String expected) {
        assertThat(r.compEstimate()).hasValueSatisfying(c -> {
            assertThat(c).isEqualByComparingTo(expected);
            assertThat(c.scale()).isEqualTo(2);
        });
    }

    @Test
    void at120PercentTheEstimateIs80PercentOfTarget() {
        // given: 12,000 / 10,000 = 120 %; every window holds only November's quota and credit
        AttainmentResults r = run(NOV_CLOSE, one("10000").build(), line("B1", "E1", "WEST", "2026-11-05", "12000.00"));

        // then: 50 × 1.0 + 20 × 1.5 = 80 → 0.80 × T
        assertComp(rep(r, Window.MONTH, "E1"), "4000.00");     // 0.80 × 60,000 × 1 / 12 = 4,000.00
        assertComp(rep(r, Window.QUARTER, "E1"), "12000.00");  // 0.80 × 60,000 × 3 / 12 = 12,000.00
        assertComp(rep(r, Window.YEAR, "E1"), "48000.00");     // 0.80 × 60,000 = 48,000.00
    }

    @Test
    void belowTheFirstPaidTierTheEstimateIsZero() {
        // 4,999 / 10,000 = 49.99 % → all in the 0-rate tier
        assertComp(month("10000", "4999.00"), "0.00");
    }

    @Test
    void estimateUsesTheUnroundedAttainment() {
        // 6,000 / 9,000 × 100 = 66.666…%: (66.666… − 50) × 1.0 = 16.666… → 5,000 × 16.666… / 100 = 833.333… → 833.33
        // (the printed 66.67 % would give 5,000 × 16.67 / 100 = 833.50)
        assertComp(month("9000", "6000.00"), "833.33");
    }

    @Test
    void atExactly200PercentTheTopTierHasStarted() {
        // 20,000 / 10,000 = 200 %: 50 × 1.0 + 50 × 1.5 + 50 × 2.0 = 225 → 2.25 × 5,000 = 11,250.00
        assertComp(month("10000", "20000.00"), "11250.00");
    }

    @Test
    void estimateIsCappedAtTheCapOfTarget() {
        // 30,000 / 10,000 = 300 %: 50 + 75 + 150 × 2.0 = 425 > 250 → 250 % of 5,000 = 12,500.00
        assertComp(month("10000", "30000.00"), "12500.00");
    }

    @Test
    void negativeAttainmentGivesZero() {
        assertComp(month("10000", "-100.00"), "0.00");
    }

    @Test
    void zeroQuotaAndMissingQuotaGiveZero() {
        // given: zero quota
        assertComp(month("0", "5000.00"), "0.00");
        // given: no quota row at all
        OrgBuilder o = org().team("WEST", "West", null).employee("E1", "Ann", "2020-01-01").rep("E1", "WEST", "2020-01-01", null);
        NodeResult r = rep(run(NOV_CLOSE, o.build(), line("B1", "E1", "WEST", "2026-11-05", "5000.00")), Window.MONTH, "E1");
        assertComp(r, "0.00");
        assertThat(r.currentTier()).isEmpty();
        assertThat(r.creditToNextTier()).isEmpty();
    }

    @Test
    void targetDoesNotDependOnTheHireDate() {
        // given: hired 2026-11-16: quota 10,000 × 15 / 30 = 5,000.00; credited 6,000 → 120 %
        OrgBuilder o = org().team("WEST", "West", null).employee("E1", "Ann", "2026-11-16")
                .rep("E1", "WEST", "2026-11-16", null).repQuota("E1", "2026-11", "10000", "USD");

        // when
        NodeResult r = rep(run(NOV_CLOSE, o.build(), line("B1", "E1", "WEST", "2026-11-20", "6000.00")), Window.MONTH, "E1");

        // then: 0.80 × 5,000 (the full month's T) = 4,000.00
        assertComp(r, "4000.00");
    }

    @Test
    void teamRowsHaveNoCompTierOrNextTier() {
        // given
        NodeResult team = Fixture.team(run(NOV_CLOSE, one("10000").build(), line("B1", "E1", "WEST", "2026-11-05", "12000.00")),
                Window.MONTH, "WEST");

        // then
        assertThat(team.compEstimate()).isEmpty();
        assertThat(team.currentTier()).isEmpty();
        assertThat(team.creditToNextTier()).isEmpty();
    }

    @Test
    void currentTierAndCreditToTheNextTier() {
        // 6,000 / 9,000 = 66.67 % → tier 1 (50–100 %); next bound 100 % × 9,000 / 100 − 6,000 = 3,000.00
        NodeResult r = month("9000", "6000.00");

        assertThat(r.currentTier()).hasValue(1);
        assertThat(r.creditToNextTier()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("3000.00"));
    }

    @Test
    void tierLowerBoundIsInclusive() {
        // 10,000 / 10,000 = 100 % → tier 2 (100–150 %); next 150 % × 10,000 / 100 − 10,000 = 5,000.00
        NodeResult r = month("10000", "10000.00");

        assertThat(r.currentTier()).hasValue(2);
        assertThat(r.creditToNextTier()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("5000.00"));
    }

    @Test
    void negativeAttainmentIsInTheFirstTier() {
        // −100 / 10,000 = −1 % → tier 0; next 50 % × 10,000 / 100 − (−100) = 5,100.00
        NodeResult r = month("10000", "-100.00");

        assertThat(r.currentTier()).hasValue(0);
        assertThat(r.creditToNextTier()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("5100.00"));
    }

    @Test
    void topTierHasNoNextTier() {
        // 16,000 / 10,000 = 160 % → tier 3, the last
        NodeResult r = month("10000", "16000.00");

        assertThat(r.currentTier()).hasValue(3);
        assertThat(r.creditToNextTier()).isEmpty();
    }

    @Test
    void creditToNextTierIsRoundedUpToTheCent() {
        // given: a plan with a tier from 33 %; quota 1,000.07, credited 100.00 (10.0 % → tier 0)
        CompPlan plan = new CompPlan("thirds", new BigDecimal("12000"), List.of(
                new Tier(BigDecimal.ZERO, BigDecimal.ZERO), new Tier(new BigDecimal("33"), BigDecimal.ONE)),
                new BigDecimal("200"));
        AttainmentSettings s = new AttainmentSettings(true, new BigDecimal("1.00"), new BigDecimal("0.80"),
                new BigDecimal("10000"), 3, new BigDecimal("0.5"), 30, CompPlan.shippedDefault(), Map.of("E1", plan));

        // when
        NodeResult r = rep(run(NOV_CLOSE, one("1000.07").build(), s, line("B1", "E1", "WEST", "2026-11-05", "100.00")),
                Window.MONTH, "E1");

        // then: 33 × 1,000.07 / 100 − 100 = 330.0231 − 100 = 230.0231 → up to 230.03 (HALF_UP would give 230.02)
        assertThat(r.creditToNextTier()).isEqualTo(Optional.of(new BigDecimal("230.03")));
        assertThat(r.currentTier()).hasValue(0);
        // the employee's own plan: 10.0 % is below 33 % → 0.00
        assertComp(r, "0.00");
    }

    @Test
    void employeePlanReplacesTheDefault() {
        // given: a flat plan 0 % → rate 1.0, target 12,000 (T month = 1,000), cap 100 %
        CompPlan flat = new CompPlan("flat", new BigDecimal("12000"), List.of(new Tier(BigDecimal.ZERO, BigDecimal.ONE)),
                new BigDecimal("100"));
        AttainmentSettings s = new AttainmentSettings(true, new BigDecimal("1.00"), new BigDecimal("0.80"),
                new BigDecimal("10000"), 3, new BigDecimal("0.5"), 30, CompPlan.shippedDefault(), Map.of("E1", flat));

        // when: 4,000 / 10,000 = 40 %
        NodeResult r = rep(run(NOV_CLOSE, one("10000").build(), s, line("B1", "E1", "WEST", "2026-11-05", "4000.00")),
                Window.MONTH, "E1");

        // then: 1,000 × 40 × 1.0 / 100 = 400.00
        assertComp(r, "400.00");
    }
}
