package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.line;
import static com.salesops.packets.attainment.Fixture.rep;
import static com.salesops.packets.attainment.Fixture.run;
import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.source.DataProblemException;
import com.salesops.packets.testing.OrgBuilder;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rep quotas (docs/numbers.md §3). Run: monthly 2026-11 (D = 2026-11-30), calendar fiscal year. */
class QuotaTest {

    static OrgBuilder base() {
        return org().team("WEST", "West", null)
                .employee("E1", "Ann One", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", null)
                .fx("EUR", "2026-10", "1.1000");
    }

    @Test
    void monthQuotaIsConvertedAtTheMonthsRateAndQuarterAddsItsThreeMonths() {
        // given: €10,000 in each of Oct, Nov, Dec; only October has a rate (1.1000), later months fall back
        AttainmentResults r = run(NOV_CLOSE, base().repQuotaEachMonth("E1", "2026-10", "2026-12", "10000", "EUR").build());

        // then: €10,000 × 1.1000 = 11,000.00 a month; quarter 3 × 11,000.00 = 33,000.00; year = the same 3 months
        assertThat(rep(r, Window.MONTH, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("11000.00"));
        assertThat(rep(r, Window.QUARTER, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("33000.00"));
        assertThat(rep(r, Window.YEAR, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("33000.00"));
    }

    @Test
    void quotaOfHireMidMonthIsProratedByEmployedDays() {
        // given: hired 2026-11-11 → employed 20 of November's 30 days
        OrgBuilder o = org().team("WEST", "West", null).employee("E1", "Ann", "2026-11-11")
                .rep("E1", "WEST", "2026-11-11", null).repQuota("E1", "2026-11", "10000", "USD");

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build());

        // then: 10,000 × 20 / 30 = 6,666.666… → 6,666.67
        assertThat(rep(r, Window.MONTH, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("6666.67"));
    }

    @Test
    void quotaOfTerminationMonthCountsTheLastDayWorkedAndLaterMonthsGiveZero() {
        // given: last day worked 2026-10-10 → 10 of October's 31 days; November and December none
        OrgBuilder o = org().team("WEST", "West", null).employee("E1", "Ann", "2020-01-01", "2026-10-10")
                .rep("E1", "WEST", "2020-01-01", null).repQuotaEachMonth("E1", "2026-10", "2026-12", "10000", "USD");

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build());

        // then: Oct 10,000 × 10 / 31 = 3,225.806… → 3,225.81; Nov 0.00; Dec 0.00; quarter 3,225.81
        assertThat(rep(r, Window.MONTH, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("0.00"));
        assertThat(rep(r, Window.QUARTER, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("3225.81"));
    }

    @Test
    void withoutProrationPartialMonthCountsInFull() {
        // given
        OrgBuilder o = org().team("WEST", "West", null).employee("E1", "Ann", "2026-11-11")
                .rep("E1", "WEST", "2026-11-11", null).repQuota("E1", "2026-11", "10000", "USD");
        AttainmentSettings noProration = new AttainmentSettings(false, new BigDecimal("1.00"), new BigDecimal("0.80"),
                new BigDecimal("10000"), 3, new BigDecimal("0.5"), 30, CompPlan.shippedDefault(), Map.of());

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build(), noProration);

        // then: 10,000 × 1 = 10,000.00
        assertThat(rep(r, Window.MONTH, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("10000.00"));
    }

    @Test
    void severalRowsForOneMonthAreAddedUp() {
        // given: $6,000 and €4,000 for November
        OrgBuilder o = base().repQuota("E1", "2026-11", "6000", "USD").repQuota("E1", "2026-11", "4000", "EUR");

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build());

        // then: 6,000.00 + 4,000 × 1.1000 = 6,000.00 + 4,400.00 = 10,400.00
        assertThat(rep(r, Window.MONTH, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("10400.00"));
    }

    @Test
    void repWithoutAnyRowInThePeriodHasMissingQuotaAndEmptyFigures() {
        // given: E1 has a quota row only in December; the November MONTH window has none
        OrgBuilder o = base().repQuota("E1", "2026-12", "9000", "USD");

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build(), line("B1", "E1", "WEST", "2026-11-05", "500.00"));

        // then
        NodeResult month = rep(r, Window.MONTH, "E1");
        assertThat(month.quota()).isEmpty();
        assertThat(month.gapToQuota()).isEmpty();
        assertThat(month.attainmentPct()).isEmpty();
        assertThat(month.paceIndex()).isEmpty();
        assertThat(month.rankInCompany()).isEmpty();
        assertThat(month.compEstimate()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.00"));
        assertThat(month.credited()).isEqualByComparingTo("500.00");
        // the quarter holds December: quota 9,000.00, attainment 500 / 9,000 × 100 = 5.555…
        assertThat(rep(r, Window.QUARTER, "E1").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("9000.00"));
        assertThat(Fixture.round(rep(r, Window.QUARTER, "E1").attainmentPct().orElseThrow(), 4)).isEqualByComparingTo("5.5556");
    }

    @Test
    void explicitZeroQuotaPrintsZeroButHasNoAttainment() {
        // given
        OrgBuilder o = base().repQuota("E1", "2026-11", "0", "USD");

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build(), line("B1", "E1", "WEST", "2026-11-05", "500.00"));

        // then: quota 0.00; gap = max(0.00 − 500.00, 0) = 0.00; attainment empty; unranked
        NodeResult month = rep(r, Window.MONTH, "E1");
        assertThat(month.quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("0.00"));
        assertThat(month.gapToQuota()).hasValueSatisfying(g -> assertThat(g).isEqualByComparingTo("0.00"));
        assertThat(month.attainmentPct()).isEmpty();
        assertThat(month.rankInCompany()).isEmpty();
        assertThat(month.ranked()).isTrue();
        assertThat(month.compEstimate()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.00"));
    }

    @Test
    void repQuotaInCurrencyWithoutRateFailsNamingEmployeeMonthAndCurrency() {
        // given: GBP has no rate at all
        OrgBuilder o = base().repQuota("E1", "2026-11", "100", "GBP");

        // when / then
        assertThatThrownBy(() -> new AttainmentCalculator(NOV_CLOSE, o.build(), AttainmentSettings.defaults()))
                .isInstanceOf(DataProblemException.class)
                .hasMessageContaining("employee E1").hasMessageContaining("2026-11").hasMessageContaining("GBP");
    }

    @Test
    void quotaInMonthBeforeTheFirstRateFails() {
        // given: EUR's first rate is 2026-10; a September quota has none at or before it
        OrgBuilder o = base().repQuota("E1", "2026-09", "100", "EUR");

        // when / then
        assertThatThrownBy(() -> new AttainmentCalculator(NOV_CLOSE, o.build(), AttainmentSettings.defaults()))
                .isInstanceOf(DataProblemException.class)
                .hasMessageContaining("employee E1").hasMessageContaining("2026-09").hasMessageContaining("EUR");
    }

    @Test
    void teamQuotaInCurrencyWithoutRateFailsNamingTeamMonthAndCurrency() {
        // given
        OrgBuilder o = base().teamQuota("WEST", "2026-11", "100", "JPY");

        // when / then
        assertThatThrownBy(() -> new AttainmentCalculator(NOV_CLOSE, o.build(), AttainmentSettings.defaults()))
                .isInstanceOf(DataProblemException.class)
                .hasMessageContaining("team WEST").hasMessageContaining("2026-11").hasMessageContaining("JPY");
    }
}
