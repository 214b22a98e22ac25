package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.run;
import static com.salesops.packets.attainment.Fixture.team;
import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.testing.OrgBuilder;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Team quotas, sum of rep quotas and over-assignment (docs/numbers.md §3). ROOT has WEST (E1 10,000, E2 5,000)
 * and EAST (E3 8,000); November quotas in USD; monthly run of 2026-11.
 */
class TeamQuotaTest {

    static OrgBuilder base() {
        return org().team("ROOT", "Company", null).team("WEST", "West", "ROOT").team("EAST", "East", "ROOT")
                .employee("E1", "Ann", "2020-01-01").employee("E2", "Bob", "2020-01-01").employee("E3", "Cy", "2020-01-01")
                .rep("E2", "WEST", "2020-01-01", null).rep("E3", "EAST", "2020-01-01", null)
                .repQuota("E1", "2026-11", "10000", "USD").repQuota("E2", "2026-11", "5000", "USD")
                .repQuota("E3", "2026-11", "8000", "USD")
                .fx("EUR", "2026-01", "1.2000");
    }

    static BigDecimal quota(AttainmentResults r, String team) {
        return team(r, Window.MONTH, team).quota().orElseThrow();
    }

    @Test
    void teamQuotaIsItsRepsPlusItsChildTeams() {
        // given
        AttainmentResults r = run(NOV_CLOSE, base().rep("E1", "WEST", "2020-01-01", null).build());

        // then: WEST 10,000 + 5,000 = 15,000.00; EAST 8,000.00; ROOT 15,000 + 8,000 = 23,000.00
        assertThat(quota(r, "WEST")).isEqualByComparingTo("15000.00");
        assertThat(quota(r, "EAST")).isEqualByComparingTo("8000.00");
        assertThat(quota(r, "ROOT")).isEqualByComparingTo("23000.00");
        // no team_quota row: quota = sum of rep quotas, over-assignment (23,000 / 23,000 − 1) × 100 = 0
        assertThat(team(r, Window.MONTH, "ROOT").sumOfRepQuotas()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("23000.00"));
        assertThat(team(r, Window.MONTH, "ROOT").overAssignmentPct()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0"));
    }

    @Test
    void teamQuotaRowOverridesTheSumOfItsRepsAndShowsOverAssignment() {
        // given: WEST carries €15,000 at 1.2000 = 18,000.00 against 15,000.00 of rep quota
        AttainmentResults r = run(NOV_CLOSE, base().rep("E1", "WEST", "2020-01-01", null)
                .teamQuota("WEST", "2026-11", "15000", "EUR").build());

        // then
        NodeResult west = team(r, Window.MONTH, "WEST");
        assertThat(west.quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("18000.00"));
        assertThat(west.sumOfRepQuotas()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("15000.00"));
        // docs/numbers.md §3: (sum of rep quotas / team quota − 1) × 100 = (15,000 / 18,000 − 1) × 100 = −16.666…
        // (negative: the rep carries less than the team's number)
        assertThat(Fixture.round(west.overAssignmentPct().orElseThrow(), 10)).isEqualByComparingTo("-16.6666666667");
        // ROOT: 18,000 + 8,000 = 26,000.00 against a rep sum of 23,000.00 (team_quota rows ignored):
        // (23,000 / 26,000 − 1) × 100 = −11.5384615384615…
        NodeResult root = team(r, Window.MONTH, "ROOT");
        assertThat(root.quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("26000.00"));
        assertThat(root.sumOfRepQuotas()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("23000.00"));
        assertThat(Fixture.round(root.overAssignmentPct().orElseThrow(), 10)).isEqualByComparingTo("-11.5384615385");
    }

    @Test
    void teamQuotaRowOfTheParentReplacesItsChildrenToo() {
        // given: ROOT has its own 30,000 for November; two rows for one month are added: 20,000 + 10,000
        AttainmentResults r = run(NOV_CLOSE, base().rep("E1", "WEST", "2020-01-01", null)
                .teamQuota("ROOT", "2026-11", "20000", "USD").teamQuota("ROOT", "2026-11", "10000", "usd").build());

        // then
        assertThat(quota(r, "ROOT")).isEqualByComparingTo("30000.00");
        assertThat(quota(r, "WEST")).isEqualByComparingTo("15000.00");
    }

    @Test
    void repQuotaIsSplitBetweenTeamsByMemberDays() {
        // given: E1 is in WEST Nov 1–10 and in EAST from Nov 11 (valid_to exclusive)
        AttainmentResults r = run(NOV_CLOSE, base()
                .rep("E1", "WEST", "2020-01-01", "2026-11-11").rep("E1", "EAST", "2026-11-11", null).build());

        // then: WEST round2(10,000 × 10 / 30) = 3,333.33 + E2 5,000.00 = 8,333.33
        //       EAST round2(10,000 × 20 / 30) = 6,666.67 + E3 8,000.00 = 14,666.67
        //       ROOT 8,333.33 + 14,666.67 = 23,000.00
        assertThat(quota(r, "WEST")).isEqualByComparingTo("8333.33");
        assertThat(quota(r, "EAST")).isEqualByComparingTo("14666.67");
        assertThat(quota(r, "ROOT")).isEqualByComparingTo("23000.00");
    }

    @Test
    void memberDaysCountOnlyEmployedDaysAndEachDayOnce() {
        // given: E4 hired Nov 16 (15 employed days), REP in WEST by two overlapping rows from 2026-01-01
        AttainmentResults r = run(NOV_CLOSE, base().rep("E1", "WEST", "2020-01-01", null)
                .employee("E4", "Dee", "2026-11-16")
                .rep("E4", "WEST", "2026-01-01", null).rep("E4", "WEST", "2026-11-20", null)
                .repQuota("E4", "2026-11", "6000", "USD").build());

        // then: E4's quota 6,000 × 15 / 30 = 3,000.00; member and employed 15 days / employed 15 → 3,000.00 once
        //       WEST = 10,000 + 5,000 + 3,000 = 18,000.00
        assertThat(quota(r, "WEST")).isEqualByComparingTo("18000.00");
    }

    @Test
    void futureMembershipCountsForTheFullPeriod() {
        // given: E5 joins EAST on 2026-12-01 with a December quota of 9,000
        AttainmentResults r = run(NOV_CLOSE, base().rep("E1", "WEST", "2020-01-01", null)
                .employee("E5", "Eve", "2026-12-01").rep("E5", "EAST", "2026-12-01", null)
                .repQuota("E5", "2026-12", "9000", "USD").build());

        // then: EAST quarter = Nov 8,000 + Dec 9,000 = 17,000.00; the month (Nov) stays 8,000.00
        assertThat(team(r, Window.QUARTER, "EAST").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("17000.00"));
        assertThat(quota(r, "EAST")).isEqualByComparingTo("8000.00");
    }

    @Test
    void overlayMembershipNeverAddsTeamQuota() {
        // given: E1 is REP in WEST and OVERLAY in EAST
        AttainmentResults r = run(NOV_CLOSE, base().rep("E1", "WEST", "2020-01-01", null)
                .overlay("E1", "EAST", "2020-01-01", null).build());

        // then: EAST stays E3's 8,000.00
        assertThat(quota(r, "EAST")).isEqualByComparingTo("8000.00");
        assertThat(team(r, Window.MONTH, "EAST").sumOfRepQuotas()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("8000.00"));
    }

    @Test
    void teamWithoutMembersOrRowsHasZeroQuotaAndNoAttainmentNorOverAssignment() {
        // given
        AttainmentResults r = run(NOV_CLOSE, base().rep("E1", "WEST", "2020-01-01", null).team("NEW", "New", "ROOT").build());

        // then
        NodeResult empty = team(r, Window.MONTH, "NEW");
        assertThat(empty.quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("0.00"));
        assertThat(empty.attainmentPct()).isEmpty();
        assertThat(empty.overAssignmentPct()).isEmpty();
        assertThat(empty.gapToQuota()).hasValueSatisfying(g -> assertThat(g).isEqualByComparingTo("0.00"));
    }
}
