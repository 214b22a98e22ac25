package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_26;
import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.line;
import static com.salesops.packets.attainment.Fixture.rep;
import static com.salesops.packets.attainment.Fixture.run;
import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.source.Org;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pace index, status as printed and projection (docs/numbers.md §4). In the monthly run of November the
 * MONTH expected_pct is 30 / 30 × 100 = 100, so pace = attainment / 100. E1's quota is 10,000.00.
 */
class PacingTest {

    static Org org1() {
        return org().team("WEST", "West", null).employee("E1", "Ann", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", null).repQuota("E1", "2026-11", "10000", "USD").build();
    }

    static NodeResult monthWithCredit(String credited) {
        return rep(run(NOV_CLOSE, org1(), line("B1", "E1", "WEST", "2026-11-05", credited)), Window.MONTH, "E1");
    }

    @Test
    void paceOf0795PrintsAs080AndIsAtRisk() {
        // 7,950 / 10,000 × 100 = 79.5 %; pace 79.5 / 100 = 0.795 → printed 0.80 ≥ 0.80
        NodeResult r = monthWithCredit("7950.00");

        assertThat(r.paceIndex()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.795"));
        assertThat(r.paceStatus()).contains(PaceStatus.AT_RISK);
    }

    @Test
    void paceOf07949PrintsAs079AndIsBehind() {
        // 7,949 / 10,000 × 100 = 79.49 %; pace 0.7949 → printed 0.79 < 0.80
        NodeResult r = monthWithCredit("7949.00");

        assertThat(r.paceStatus()).contains(PaceStatus.BEHIND);
    }

    @Test
    void paceOf0995PrintsAs100AndIsOnPace() {
        // 9,950 / 10,000 = 99.5 %; pace 0.995 → printed 1.00 ≥ 1.00
        NodeResult r = monthWithCredit("9950.00");

        assertThat(r.paceStatus()).contains(PaceStatus.ON_PACE);
    }

    @Test
    void paceOf09949PrintsAs099AndIsAtRisk() {
        // 9,949 / 10,000 = 99.49 %; pace 0.9949 → printed 0.99
        NodeResult r = monthWithCredit("9949.00");

        assertThat(r.paceStatus()).contains(PaceStatus.AT_RISK);
    }

    @Test
    void projectionIsTheStraightLineRunRateToPeriodEnd() {
        // given: D = 2026-11-26, MONTH expected 26 / 30 × 100 = 86.666…; credited 5,200 of 10,000 = 52 %
        NodeResult r = rep(run(NOV_26, org1(), line("B1", "E1", "WEST", "2026-11-05", "5200.00")), Window.MONTH, "E1");

        // then: pace 52 / (260 / 3) = 0.6; projected 0.6 × 100 = 60 %
        assertThat(Fixture.round(r.paceIndex().orElseThrow(), 20)).isEqualByComparingTo("0.6");
        assertThat(Fixture.round(r.projectedPct().orElseThrow(), 20)).isEqualByComparingTo("60");
        assertThat(r.paceStatus()).contains(PaceStatus.BEHIND);
    }

    @Test
    void thresholdsAreConfigurable() {
        // given: ON_PACE from 0.90, AT_RISK from 0.70
        AttainmentSettings s = new AttainmentSettings(true, new BigDecimal("0.90"), new BigDecimal("0.70"),
                new BigDecimal("10000"), 3, new BigDecimal("0.5"), 30, CompPlan.shippedDefault(), Map.of());

        // when: 8,950 / 10,000 = 89.5 % → pace 0.895 → printed 0.90
        NodeResult r = rep(run(NOV_CLOSE, org1(), s, line("B1", "E1", "WEST", "2026-11-05", "8950.00")), Window.MONTH, "E1");

        // then
        assertThat(r.paceStatus()).contains(PaceStatus.ON_PACE);
    }

    @Test
    void emptyAttainmentLeavesPaceStatusAndProjectionEmpty() {
        // given: E2 without quota
        Org o = org().team("WEST", "West", null).employee("E2", "Bob", "2020-01-01").rep("E2", "WEST", "2020-01-01", null).build();

        // when
        NodeResult r = rep(run(NOV_CLOSE, o, line("B1", "E2", "WEST", "2026-11-05", "100.00")), Window.MONTH, "E2");

        // then
        assertThat(r.paceIndex()).isEmpty();
        assertThat(r.paceStatus()).isEmpty();
        assertThat(r.projectedPct()).isEmpty();
        assertThat(r.expectedPct()).isEqualByComparingTo("100");
    }
}
