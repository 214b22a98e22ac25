package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.cancelledLine;
import static com.salesops.packets.attainment.Fixture.line;
import static com.salesops.packets.attainment.Fixture.overlayLine;
import static com.salesops.packets.attainment.Fixture.reversal;
import static com.salesops.packets.attainment.Fixture.run;
import static com.salesops.packets.testing.OrgBuilder.d;
import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.testing.OrgBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behaviour flags (docs/numbers.md §7). Monthly run of November 2026: the latest closed month is November
 * (last 3 days: Nov 28–30), the latest closed quarter July–September (Sep 28–30); S = 2026-01-01.
 */
class FlagsTest {

    static final Period NOV = new Period(d("2026-11-01"), d("2026-11-30"));
    static final Period OCT = new Period(d("2026-10-01"), d("2026-10-31"));
    static final Period SEP = new Period(d("2026-09-01"), d("2026-09-30"));
    static final Period Q3 = new Period(d("2026-07-01"), d("2026-09-30"));
    /** A nightly of 2027-01-10: closed month Dec 2026, closed quarter Oct–Dec 2026, S = 2026-10-01. */
    static final RunPlan JAN_10_2027 = RunPlan.nightly(FiscalCalendar.calendarYear(), d("2027-01-10"));

    static OrgBuilder base() {
        OrgBuilder o = org().team("WEST", "West", null).team("EAST", "East", null);
        for (String id : new String[] {"E1", "E2", "E3", "E4", "E5"}) {
            o.employee(id, "Name " + id, "2020-01-01").rep(id, "WEST", "2020-01-01", null);
        }
        return o;
    }

    static List<Flag> of(List<Flag> flags, FlagType type) {
        return flags.stream().filter(f -> f.flag() == type).toList();
    }

    @Test
    void pullInIsFlaggedAtExactlyTheMinimumCreditAndExactlyHalfInTheLastThreeDays() {
        // given
        List<Flag> flags = run(NOV_CLOSE, base().build(),
                // E1: 5,000 + 5,000 = 10,000 ≥ 10,000; Nov 28: 5,000 ≥ 50 % × 10,000 = 5,000 → flagged
                line("B1", "E1", "WEST", "2026-11-05", "5000.00"),
                line("B2", "E1", "WEST", "2026-11-28", "5000.00"),
                // E2: 5,000.01 + 4,999.99 = 10,000; last days 4,999.99 < 5,000 → not flagged
                line("B3", "E2", "WEST", "2026-11-05", "5000.01"),
                line("B4", "E2", "WEST", "2026-11-30", "4999.99"),
                // E3: 9,000 (Nov 27, not in the last 3 days) + 999.99 = 9,999.99 < 10,000 → not flagged
                line("B5", "E3", "WEST", "2026-11-27", "9000.00"),
                line("B6", "E3", "WEST", "2026-11-30", "999.99")).flags();

        // then
        assertThat(flags).containsExactly(
                new Flag(FlagType.PERIOD_END_PULL_IN, "E1", "WEST", NOV, List.of("B2"), new BigDecimal("5000.00")));
    }

    @Test
    void laterCancellationDoesNotRemoveThePulledInLine() {
        // given: E4 books 12,000 on Nov 29 and cancels it on Nov 30
        List<Flag> flags = run(NOV_CLOSE, base().build(),
                cancelledLine("B7", "E4", "WEST", "2026-11-29", "12000.00", "2026-11-30"),
                reversal("B7", "E4", "WEST", "2026-11-29", "2026-11-30", "-12000.00")).flags();

        // then: positive lines 12,000 (reversal excluded), all of it in the last days → 12,000.00
        assertThat(of(flags, FlagType.PERIOD_END_PULL_IN)).containsExactly(
                new Flag(FlagType.PERIOD_END_PULL_IN, "E4", "WEST", NOV, List.of("B7"), new BigDecimal("12000.00")));
    }

    @Test
    void pullInIsEvaluatedForTheLatestClosedQuarterWithOverlayLinesToo() {
        // given
        List<Flag> flags = run(NOV_CLOSE, base().build(),
                // E1: Aug 10 1,000 + Sep 29 20,000 = 21,000; last days 20,000 ≥ 10,500
                line("B8", "E1", "WEST", "2026-08-10", "1000.00"),
                line("B9", "E1", "WEST", "2026-09-29", "20000.00"),
                // E5 as an overlay: Sep 28 15,000 of 15,000
                overlayLine("B10", "E5", "WEST", "2026-09-28", "15000.00")).flags();

        // then: (September is not the latest closed month, so only the quarter is flagged)
        assertThat(flags).containsExactly(
                new Flag(FlagType.PERIOD_END_PULL_IN, "E1", "WEST", Q3, List.of("B9"), new BigDecimal("20000.00")),
                new Flag(FlagType.PERIOD_END_PULL_IN, "E5", "WEST", Q3, List.of("B10"), new BigDecimal("15000.00")));
    }

    @Test
    void pullInWindowAndShareAreConfigurable() {
        // given: last 1 day, 80 % share, 1,000 minimum
        AttainmentSettings s = new AttainmentSettings(true, new BigDecimal("1.00"), new BigDecimal("0.80"),
                new BigDecimal("1000"), 1, new BigDecimal("0.8"), 30, CompPlan.shippedDefault(), Map.of());

        // when: E1 800 on Nov 30 of 1,000 (80 % → flagged); E2 799.99 on Nov 30 of 1,000 (< 80 %); E3 all on Nov 29
        List<Flag> flags = run(NOV_CLOSE, base().build(), s,
                line("B1", "E1", "WEST", "2026-11-02", "200.00"), line("B2", "E1", "WEST", "2026-11-30", "800.00"),
                line("B3", "E2", "WEST", "2026-11-02", "200.01"), line("B4", "E2", "WEST", "2026-11-30", "799.99"),
                line("B5", "E3", "WEST", "2026-11-29", "5000.00")).flags();

        // then
        assertThat(flags).extracting(Flag::employeeId).containsExactly("E1");
        assertThat(flags.get(0).amount()).isEqualByComparingTo("800.00");
    }

    @Test
    void cancellationWithinThirtyDaysAfterTheMonthOfBookingIsFlaggedForThatMonth() {
        // given
        List<Flag> flags = run(NOV_CLOSE, base().build(),
                // E1, October: cancelled Nov 30 = Oct 31 + 30 (in) and Nov 2 (in)
                cancelledLine("B10", "E1", "WEST", "2026-10-15", "600.00", "2026-11-30"),
                reversal("B10", "E1", "WEST", "2026-10-15", "2026-11-30", "-600.00"),
                cancelledLine("B11", "E1", "WEST", "2026-10-20", "400.00", "2026-11-02"),
                reversal("B11", "E1", "WEST", "2026-10-20", "2026-11-02", "-400.00"),
                // E2, September: Oct 31 is Sep 30 + 31 (out); Oct 30 = Sep 30 + 30 (in)
                cancelledLine("B12", "E2", "WEST", "2026-09-10", "300.00", "2026-10-31"),
                reversal("B12", "E2", "WEST", "2026-09-10", "2026-10-31", "-300.00"),
                cancelledLine("B13", "E2", "WEST", "2026-09-12", "200.00", "2026-10-30"),
                reversal("B13", "E2", "WEST", "2026-09-12", "2026-10-30", "-200.00"),
                // E3: cancelled in the month it was booked (not after the month ended)
                cancelledLine("B14", "E3", "WEST", "2026-10-05", "100.00", "2026-10-31"),
                reversal("B14", "E3", "WEST", "2026-10-05", "2026-10-31", "-100.00"),
                // E4 has a 0.00 line on the flagged B11: not above 0.00, no flag
                cancelledLine("B11", "E4", "WEST", "2026-10-20", "0.00", "2026-11-02"),
                reversal("B11", "E4", "WEST", "2026-10-20", "2026-11-02", "0.00")).flags();

        // then: sorted by flag, period start, employee; E1 October 600 + 400 = 1,000.00
        assertThat(flags).containsExactly(
                new Flag(FlagType.CANCELLED_AFTER_CREDIT, "E2", "WEST", SEP, List.of("B13"), new BigDecimal("200.00")),
                new Flag(FlagType.CANCELLED_AFTER_CREDIT, "E1", "WEST", OCT, List.of("B10", "B11"), new BigDecimal("1000.00")));
    }

    @Test
    void cancelWindowIsConfigurable() {
        // given: 5 days after month end
        AttainmentSettings s = new AttainmentSettings(true, new BigDecimal("1.00"), new BigDecimal("0.80"),
                new BigDecimal("10000"), 3, new BigDecimal("0.5"), 5, CompPlan.shippedDefault(), Map.of());

        // when: Oct 31 + 5 = Nov 5 (in); Nov 6 (out)
        List<Flag> flags = run(NOV_CLOSE, base().build(), s,
                cancelledLine("B1", "E1", "WEST", "2026-10-15", "10.00", "2026-11-05"),
                reversal("B1", "E1", "WEST", "2026-10-15", "2026-11-05", "-10.00"),
                cancelledLine("B2", "E2", "WEST", "2026-10-15", "10.00", "2026-11-06"),
                reversal("B2", "E2", "WEST", "2026-10-15", "2026-11-06", "-10.00")).flags();

        // then
        assertThat(flags).extracting(Flag::employeeId).containsExactly("E1");
    }

    @Test
    void flagTeamIsTheRepRowTeamEvenWhenTheLinesWereInAnotherTeam() {
        // given: E7 sold in EAST, moved to WEST on Nov 29 (so the rep-row team on D is WEST)
        OrgBuilder o = base().employee("E7", "Seven", "2020-01-01")
                .rep("E7", "EAST", "2020-01-01", "2026-11-29").rep("E7", "WEST", "2026-11-29", null);

        // when
        List<Flag> flags = run(NOV_CLOSE, o.build(), line("B1", "E7", "EAST", "2026-11-28", "12000.00")).flags();

        // then
        assertThat(flags).extracting(Flag::teamId).containsExactly("WEST");
    }

    @Test
    void flagOfEmployeeWithoutRepRowTakesTheTeamOfTheLatestLineInThePeriod() {
        // given: D = 2027-01-10; closed month Dec 2026, closed quarter Oct–Dec 2026, S = 2026-10-01.
        //        E9 was in EAST until Dec 15, then WEST until 2027-01-01: no membership in the 2027 YEAR window
        OrgBuilder o = org().team("WEST", "West", null).team("EAST", "East", null)
                .employee("E9", "Nine", "2020-01-01")
                .rep("E9", "EAST", "2020-01-01", "2026-12-15").rep("E9", "WEST", "2026-12-15", "2027-01-01");

        // when: Dec 5 1,000 (EAST), Dec 30 12,000 (WEST): 13,000 ≥ 10,000 and 12,000 ≥ 6,500
        AttainmentResults r = run(JAN_10_2027, o.build(),
                line("B1", "E9", "EAST", "2026-12-05", "1000.00"),
                line("B2", "E9", "WEST", "2026-12-30", "12000.00"));

        // then: flagged for December and for Q4 2026, in WEST (the latest line's team)
        assertThat(r.flags()).containsExactly(
                new Flag(FlagType.PERIOD_END_PULL_IN, "E9", "WEST", new Period(d("2026-10-01"), d("2026-12-31")),
                        List.of("B2"), new BigDecimal("12000.00")),
                new Flag(FlagType.PERIOD_END_PULL_IN, "E9", "WEST", new Period(d("2026-12-01"), d("2026-12-31")),
                        List.of("B2"), new BigDecimal("12000.00")));
        assertThat(r.rows()).noneMatch(x -> x.nodeId().equals("E9"));
    }

    @Test
    void flagOfEmployeeWithoutRepRowTakesTheLatestLineAcrossThePeriodsMonthsNotTheLargestTeamId() {
        // given: as above, E9 without a rep row in 2027; Oct 10 in WEST, Dec 30 in EAST (later, smaller id)
        OrgBuilder o = org().team("WEST", "West", null).team("EAST", "East", null)
                .employee("E9", "Nine", "2020-01-01")
                .rep("E9", "WEST", "2020-01-01", "2026-12-15").rep("E9", "EAST", "2026-12-15", "2027-01-01");

        // when: Q4 13,000 ≥ 10,000 with 11,000 ≥ 6,500 in Dec 29-31; December 11,000 ≥ 10,000, all of it late
        AttainmentResults r = run(JAN_10_2027, o.build(),
                line("B1", "E9", "WEST", "2026-10-10", "2000.00"),
                line("B2", "E9", "EAST", "2026-12-30", "11000.00"));

        // then: both flags in EAST, the team of the latest line (Dec 30), though WEST sorts after EAST
        assertThat(r.flags()).extracting(Flag::period, Flag::teamId).containsExactly(
                tuple(new Period(d("2026-10-01"), d("2026-12-31")), "EAST"),
                tuple(new Period(d("2026-12-01"), d("2026-12-31")), "EAST"));
    }

    @Test
    void flagOfEmployeeWithoutRepRowTakesTheGreatestTeamIdAmongLinesOfTheSameLatestDay() {
        // given: as above; on Dec 30 one line in EAST, then one in WEST, then one in EAST again
        OrgBuilder o = org().team("WEST", "West", null).team("EAST", "East", null)
                .employee("E9", "Nine", "2020-01-01")
                .rep("E9", "EAST", "2020-01-01", "2027-01-01");

        // when: December 12,000 ≥ 10,000, all of it in Dec 29-31
        AttainmentResults r = run(JAN_10_2027, o.build(),
                line("B1", "E9", "EAST", "2026-12-30", "4000.00"),
                line("B2", "E9", "WEST", "2026-12-30", "4000.00"),
                line("B3", "E9", "EAST", "2026-12-30", "4000.00"));

        // then: the day's tie goes to the greatest team id (docs/numbers.md §7), whatever the lines' order
        assertThat(r.flags()).extracting(Flag::teamId).containsExactly("WEST", "WEST");
    }
}
