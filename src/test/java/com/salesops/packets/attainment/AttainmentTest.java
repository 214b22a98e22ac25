package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_26;
import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.cancelledLine;
import static com.salesops.packets.attainment.Fixture.line;
import static com.salesops.packets.attainment.Fixture.overlayLine;
import static com.salesops.packets.attainment.Fixture.rep;
import static com.salesops.packets.attainment.Fixture.reversal;
import static com.salesops.packets.attainment.Fixture.run;
import static com.salesops.packets.attainment.Fixture.team;
import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.testing.OrgBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credited, attainment, gap, deal_count and which rows exist (docs/numbers.md §2, §4, §5). */
class AttainmentTest {

    /** ROOT ← WEST (E1, E2 REP), ROOT ← EAST (E3 REP, E4 OVERLAY); November quotas E1 10,000, E2 5,000, E3 8,000. */
    static OrgBuilder base() {
        return org().team("ROOT", "Company", null).team("WEST", "West", "ROOT").team("EAST", "East", "ROOT")
                .employee("E1", "Ann One", "2020-01-01").employee("E2", "Bob Two", "2020-01-01")
                .employee("E3", "Cy Three", "2020-01-01").employee("E4", "Dee Four", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", null).rep("E2", "WEST", "2020-01-01", null)
                .rep("E3", "EAST", "2020-01-01", null).overlay("E4", "EAST", "2020-01-01", null)
                .repQuota("E1", "2026-11", "10000", "USD").repQuota("E2", "2026-11", "5000", "USD")
                .repQuota("E3", "2026-11", "8000", "USD");
    }

    @Test
    void creditedIsTheSumOfLinesInsideEachWindow() {
        // given: Nov 5 6,000.00; Oct 20 2,000.00; Mar 3 1,000.00
        AttainmentResults r = run(NOV_CLOSE, base().build(),
                line("B1", "E1", "WEST", "2026-11-05", "6000.00"),
                line("B2", "E1", "WEST", "2026-10-20", "2000.00"),
                line("B3", "E1", "WEST", "2026-03-03", "1000.00"));

        // then: MONTH 6,000.00; QUARTER 6,000 + 2,000 = 8,000.00; YEAR 8,000 + 1,000 = 9,000.00
        assertThat(rep(r, Window.MONTH, "E1").credited()).isEqualByComparingTo("6000.00");
        assertThat(rep(r, Window.QUARTER, "E1").credited()).isEqualByComparingTo("8000.00");
        assertThat(rep(r, Window.YEAR, "E1").credited()).isEqualByComparingTo("9000.00");
        // MONTH: 6,000 / 10,000 × 100 = 60; gap 10,000 − 6,000 = 4,000.00
        NodeResult month = rep(r, Window.MONTH, "E1");
        assertThat(month.attainmentPct()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("60"));
        assertThat(month.gapToQuota()).hasValueSatisfying(g -> assertThat(g).isEqualByComparingTo("4000.00"));
        assertThat(month.dealCount()).isEqualTo(1);
        assertThat(rep(r, Window.YEAR, "E1").dealCount()).isEqualTo(3);
    }

    @Test
    void creditAboveQuotaLeavesNoGap() {
        // given
        AttainmentResults r = run(NOV_CLOSE, base().build(), line("B1", "E2", "WEST", "2026-11-05", "6000.00"));

        // then: 6,000 / 5,000 × 100 = 120; gap max(5,000 − 6,000, 0) = 0.00
        assertThat(rep(r, Window.MONTH, "E2").attainmentPct()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("120"));
        assertThat(rep(r, Window.MONTH, "E2").gapToQuota()).hasValueSatisfying(g -> assertThat(g).isEqualByComparingTo("0.00"));
    }

    @Test
    void clawbackInALaterMonthGivesNegativeAttainmentAndAGapAboveQuota() {
        // given: booked Oct 20 for 3,000.00, cancelled Nov 3
        AttainmentResults r = run(NOV_CLOSE, base().build(),
                cancelledLine("B1", "E1", "WEST", "2026-10-20", "3000.00", "2026-11-03"),
                reversal("B1", "E1", "WEST", "2026-10-20", "2026-11-03", "-3000.00"));

        // then MONTH: −3,000.00; −3,000 / 10,000 × 100 = −30; gap 10,000 − (−3,000) = 13,000.00; no deal
        NodeResult month = rep(r, Window.MONTH, "E1");
        assertThat(month.credited()).isEqualByComparingTo("-3000.00");
        assertThat(month.attainmentPct()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("-30"));
        assertThat(month.gapToQuota()).hasValueSatisfying(g -> assertThat(g).isEqualByComparingTo("13000.00"));
        assertThat(month.dealCount()).isZero();
        // QUARTER: +3,000 − 3,000 = 0.00, and the booking still counts as one deal
        assertThat(rep(r, Window.QUARTER, "E1").credited()).isEqualByComparingTo("0.00");
        assertThat(rep(r, Window.QUARTER, "E1").dealCount()).isEqualTo(1);
        assertThat(team(r, Window.MONTH, "WEST").credited()).isEqualByComparingTo("-3000.00");
    }

    @Test
    void teamCreditsPrimaryLinesOfItsWholeSubtreeAndOverlayCountsOnlyForTheEmployee() {
        // given: B1 E1 PRIMARY 4,000 (WEST); B2 E3 PRIMARY 2,000 with E4 OVERLAY 2,000 (EAST)
        AttainmentResults r = run(NOV_CLOSE, base().build(),
                line("B1", "E1", "WEST", "2026-11-05", "4000.00"),
                line("B2", "E3", "EAST", "2026-11-06", "2000.00"),
                overlayLine("B2", "E4", "EAST", "2026-11-06", "2000.00"));

        // then
        assertThat(rep(r, Window.MONTH, "E4").credited()).isEqualByComparingTo("2000.00");
        assertThat(rep(r, Window.MONTH, "E4").dealCount()).isEqualTo(1);
        // EAST: PRIMARY only = 2,000.00; ROOT: 4,000 + 2,000 = 6,000.00 (not 8,000)
        assertThat(team(r, Window.MONTH, "EAST").credited()).isEqualByComparingTo("2000.00");
        assertThat(team(r, Window.MONTH, "ROOT").credited()).isEqualByComparingTo("6000.00");
        assertThat(team(r, Window.MONTH, "ROOT").dealCount()).isEqualTo(2);
        // ROOT attainment 6,000 / 23,000 × 100 = 26.0869565217…
        assertThat(Fixture.round(team(r, Window.MONTH, "ROOT").attainmentPct().orElseThrow(), 10))
                .isEqualByComparingTo("26.0869565217");
    }

    @Test
    void dealSplitBetweenTwoRepsOfOneTeamCountsOnceForTheTeam() {
        // given: B1 split 50/50 between E1 and E2, both WEST
        AttainmentResults r = run(NOV_CLOSE, base().build(),
                line("B1", "E1", "WEST", "2026-11-05", "500.00"),
                line("B1", "E2", "WEST", "2026-11-05", "500.00"));

        // then
        assertThat(rep(r, Window.MONTH, "E1").dealCount()).isEqualTo(1);
        assertThat(rep(r, Window.MONTH, "E2").dealCount()).isEqualTo(1);
        assertThat(team(r, Window.MONTH, "WEST").dealCount()).isEqualTo(1);
        assertThat(team(r, Window.MONTH, "ROOT").dealCount()).isEqualTo(1);
        assertThat(team(r, Window.MONTH, "WEST").credited()).isEqualByComparingTo("1000.00");
    }

    @Test
    void dealSplitAcrossTwoTeamsCountsForEachAndOnceForTheirParent() {
        // given
        AttainmentResults r = run(NOV_CLOSE, base().build(),
                line("B1", "E1", "WEST", "2026-11-05", "500.00"),
                line("B1", "E3", "EAST", "2026-11-05", "500.00"));

        // then
        assertThat(team(r, Window.MONTH, "WEST").dealCount()).isEqualTo(1);
        assertThat(team(r, Window.MONTH, "EAST").dealCount()).isEqualTo(1);
        assertThat(team(r, Window.MONTH, "ROOT").dealCount()).isEqualTo(1);
    }

    @Test
    void bookingCancelledInsideTheWindowStillCountsAsADealButNetsZero() {
        // given
        AttainmentResults r = run(NOV_CLOSE, base().build(),
                cancelledLine("B1", "E1", "WEST", "2026-11-05", "700.00", "2026-11-20"),
                reversal("B1", "E1", "WEST", "2026-11-05", "2026-11-20", "-700.00"));

        // then: 700.00 − 700.00 = 0.00, one deal
        assertThat(rep(r, Window.MONTH, "E1").credited()).isEqualByComparingTo("0.00");
        assertThat(rep(r, Window.MONTH, "E1").dealCount()).isEqualTo(1);
        assertThat(team(r, Window.MONTH, "WEST").dealCount()).isEqualTo(1);
    }

    @Test
    void lineOfZeroCentsIsNoDeal() {
        // given: a split that rounded to 0.00
        AttainmentResults r = run(NOV_CLOSE, base().build(), line("B1", "E1", "WEST", "2026-11-05", "0.00"));

        // then
        assertThat(rep(r, Window.MONTH, "E1").dealCount()).isZero();
        assertThat(team(r, Window.MONTH, "WEST").dealCount()).isZero();
    }

    @Test
    void transferredRepsLinesStayWithTheTeamOfTheirDate() {
        // given: E1 moves WEST → EAST on Nov 15; one line before, one after; a reversal in November of an October WEST line
        OrgBuilder o = base().employee("E9", "Nine", "2020-01-01")
                .rep("E9", "WEST", "2020-01-01", "2026-11-15").rep("E9", "EAST", "2026-11-15", null);
        AttainmentResults r = run(NOV_CLOSE, o.build(),
                line("B1", "E9", "WEST", "2026-11-10", "100.00"),
                line("B2", "E9", "EAST", "2026-11-20", "40.00"),
                cancelledLine("B3", "E9", "WEST", "2026-10-10", "25.00", "2026-11-25"),
                reversal("B3", "E9", "WEST", "2026-10-10", "2026-11-25", "-25.00"));

        // then: WEST 100 − 25 = 75.00 (+ nothing else); EAST 40.00; E9 100 + 40 − 25 = 115.00; rep row in EAST (on D)
        assertThat(team(r, Window.MONTH, "WEST").credited()).isEqualByComparingTo("75.00");
        assertThat(team(r, Window.MONTH, "EAST").credited()).isEqualByComparingTo("40.00");
        assertThat(rep(r, Window.MONTH, "E9").credited()).isEqualByComparingTo("115.00");
        assertThat(rep(r, Window.MONTH, "E9").teamId()).contains("EAST");
    }

    @Test
    void expectedPctDependsOnTheWindowOnly() {
        // given: D = 2026-11-26; E5 hired 2026-11-20
        OrgBuilder o = base().employee("E5", "Eve", "2026-11-20").rep("E5", "WEST", "2026-11-20", null)
                .repQuota("E5", "2026-11", "1000", "USD");
        AttainmentResults r = run(NOV_26, o.build());

        // then: MONTH 26 / 30 × 100 = 86.6666…; QUARTER (31 + 26) / 92 × 100 = 61.9565217391…;
        //       YEAR 330 / 365 × 100 = 90.4109589041…
        for (NodeResult row : List.of(rep(r, Window.MONTH, "E1"), rep(r, Window.MONTH, "E5"), team(r, Window.MONTH, "ROOT"))) {
            assertThat(Fixture.round(row.expectedPct(), 10)).isEqualByComparingTo("86.6666666667");
        }
        assertThat(Fixture.round(rep(r, Window.QUARTER, "E5").expectedPct(), 10)).isEqualByComparingTo("61.9565217391");
        assertThat(Fixture.round(team(r, Window.YEAR, "WEST").expectedPct(), 10)).isEqualByComparingTo("90.4109589041");
    }

    @Test
    void repRowTeamIsTheMembershipOnAsOfDateAndTeamRowTeamIsTheParent() {
        // given
        AttainmentResults r = run(NOV_CLOSE, base().build());

        // then
        assertThat(rep(r, Window.MONTH, "E1").teamId()).contains("WEST");
        assertThat(rep(r, Window.MONTH, "E1").nodeName()).isEqualTo("Ann One");
        assertThat(team(r, Window.MONTH, "WEST").teamId()).contains("ROOT");
        assertThat(team(r, Window.MONTH, "WEST").nodeName()).isEqualTo("West");
        assertThat(team(r, Window.MONTH, "ROOT").teamId()).isEmpty();
    }

    @Test
    void twoMembershipsOnAsOfDatePickLatestValidFromThenGreatestTeamId() {
        // given: E6 REP in WEST since 2025, and in EAST and ZED since 2026-06-01
        OrgBuilder o = base().team("ZED", "Zed", "ROOT").employee("E6", "Six", "2020-01-01")
                .rep("E6", "WEST", "2025-01-01", null).rep("E6", "EAST", "2026-06-01", null)
                .overlay("E6", "ZED", "2026-06-01", null);

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build());

        // then: latest valid_from 2026-06-01, then greatest team id "ZED" (an OVERLAY: not rank-eligible)
        assertThat(rep(r, Window.MONTH, "E6").teamId()).contains("ZED");
        assertThat(rep(r, Window.MONTH, "E6").ranked()).isFalse();
    }

    @Test
    void repWithoutMembershipOnAsOfDateTakesTheLatestMembershipOfTheYear() {
        // given: E7 was in EAST Feb–Apr, then WEST May–Jul; nothing on D
        OrgBuilder o = base().employee("E7", "Seven", "2020-01-01")
                .rep("E7", "EAST", "2026-02-01", "2026-05-01").rep("E7", "WEST", "2026-05-01", "2026-08-01");

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build());

        // then
        assertThat(rep(r, Window.YEAR, "E7").teamId()).contains("WEST");
        assertThat(rep(r, Window.MONTH, "E7").ranked()).isFalse();
    }

    @Test
    void employeeWithOnlyALineInTheYearGetsARepRowInTheTeamOfThatLine() {
        // given: E8 left WEST on 2026-01-01 (valid_to exclusive); a December 2025 deal is reversed on 2026-01-10
        OrgBuilder o = base().employee("E8", "Eight", "2020-01-01").rep("E8", "WEST", "2020-01-01", "2026-01-01")
                .employee("E0", "Gone", "2020-01-01").rep("E0", "EAST", "2020-01-01", "2026-01-01");

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build(), reversal("B1", "E8", "WEST", "2025-12-20", "2026-01-10", "-900.00"));

        // then: E8 has a YEAR row with −900.00 in WEST; E0 (no membership in the year, no line) has none
        assertThat(rep(r, Window.YEAR, "E8").credited()).isEqualByComparingTo("-900.00");
        assertThat(rep(r, Window.YEAR, "E8").teamId()).contains("WEST");
        assertThat(rep(r, Window.MONTH, "E8").credited()).isEqualByComparingTo("0.00");
        assertThat(r.rows()).noneMatch(x -> x.nodeId().equals("E0"));
    }

    @Test
    void rowsAreSortedByWindowThenTeamBeforeRepThenIdByCodePoint() {
        // given: ids "E\uFFFF" and "E😀" (U+1F600): UTF-16 order would put the emoji first, code-point order last
        OrgBuilder o = org().team("T", "T", null)
                .employee("E\uFFFF", "High BMP", "2020-01-01").employee("E\uD83D\uDE00", "Emoji", "2020-01-01")
                .employee("A", "A", "2020-01-01")
                .rep("E\uFFFF", "T", "2020-01-01", null).rep("E\uD83D\uDE00", "T", "2020-01-01", null)
                .rep("A", "T", "2020-01-01", null);

        // when
        AttainmentResults r = run(NOV_CLOSE, o.build());

        // then
        assertThat(r.rows()).extracting(x -> x.window() + "/" + x.level() + "/" + x.nodeId()).containsExactly(
                "MONTH/TEAM/T", "MONTH/REP/A", "MONTH/REP/E\uFFFF", "MONTH/REP/E\uD83D\uDE00",
                "QUARTER/TEAM/T", "QUARTER/REP/A", "QUARTER/REP/E\uFFFF", "QUARTER/REP/E\uD83D\uDE00",
                "YEAR/TEAM/T", "YEAR/REP/A", "YEAR/REP/E\uFFFF", "YEAR/REP/E\uD83D\uDE00");
        assertThat(rep(r, Window.QUARTER, "A").period().start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(rep(r, Window.QUARTER, "A").period().end()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void windowsFollowTheFiscalCalendar() {
        // given: fiscal year from February, D = 2026-11-26 → YEAR 2026-02-01.., QUARTER 2026-11-01..2027-01-31
        RunPlan plan = RunPlan.nightly(new FiscalCalendar(2, com.salesops.packets.calendar.YearNamedBy.END), LocalDate.of(2026, 11, 26));
        OrgBuilder o = base().repQuota("E1", "2027-01", "2000", "USD");

        // when
        AttainmentResults r = run(plan, o.build(),
                line("B1", "E1", "WEST", "2026-10-31", "300.00"),
                line("B2", "E1", "WEST", "2026-11-01", "50.00"),
                line("B3", "E1", "WEST", "2026-01-31", "7.00"));

        // then: QUARTER credit 50.00 (Oct 31 is the previous quarter); quota Nov 10,000 + Jan 2,000 = 12,000.00
        assertThat(rep(r, Window.QUARTER, "E1").credited()).isEqualByComparingTo("50.00");
        assertThat(rep(r, Window.QUARTER, "E1").quota()).isEqualTo(Optional.of(new java.math.BigDecimal("12000.00")));
        // YEAR from 2026-02-01: 300 + 50 = 350.00 (Jan 31 belongs to FY2026)
        assertThat(rep(r, Window.YEAR, "E1").credited()).isEqualByComparingTo("350.00");
    }
}
