package com.salesops.packets.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Fiscal calendar and run plans (docs/numbers.md §1). */
class FiscalCalendarTest {

    static final FiscalCalendar FEB_END = new FiscalCalendar(2, YearNamedBy.END);

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Period p(String from, String to) {
        return new Period(d(from), d(to));
    }

    @Test
    void yearStartingInFebruaryNamedByEndRunsFromFebruaryToJanuary() {
        // FY2027 = 2026-02-01 .. 2027-01-31
        assertThat(FEB_END.year(d("2026-02-01"))).isEqualTo(p("2026-02-01", "2027-01-31"));
        assertThat(FEB_END.year(d("2027-01-31"))).isEqualTo(p("2026-02-01", "2027-01-31"));
        assertThat(FEB_END.fiscalYear(d("2026-02-01"))).isEqualTo(2027);
        assertThat(FEB_END.fiscalYear(d("2027-01-31"))).isEqualTo(2027);
        assertThat(FEB_END.fiscalYear(d("2026-01-31"))).isEqualTo(2026);
    }

    @Test
    void yearNamedByStartTakesTheStartingCalendarYear() {
        assertThat(new FiscalCalendar(2, YearNamedBy.START).fiscalYear(d("2027-01-31"))).isEqualTo(2026);
    }

    @Test
    void quartersAreThreeMonthBlocksFromTheYearStart() {
        // Q1 Feb–Apr, Q2 May–Jul, Q3 Aug–Oct, Q4 Nov–Jan
        assertThat(FEB_END.quarter(d("2026-04-30"))).isEqualTo(p("2026-02-01", "2026-04-30"));
        assertThat(FEB_END.quarter(d("2026-05-01"))).isEqualTo(p("2026-05-01", "2026-07-31"));
        assertThat(FEB_END.quarter(d("2027-01-15"))).isEqualTo(p("2026-11-01", "2027-01-31"));
        assertThat(FEB_END.fiscalQuarter(d("2027-01-15"))).isEqualTo(4);
        assertThat(FEB_END.fiscalQuarter(d("2026-02-01"))).isEqualTo(1);
        assertThat(FEB_END.fiscalQuarter(d("2026-10-31"))).isEqualTo(3);
    }

    @Test
    void monthOfALeapFebruary() {
        assertThat(FiscalCalendar.calendarYear().month(d("2028-02-10"))).isEqualTo(p("2028-02-01", "2028-02-29"));
        assertThat(p("2028-02-01", "2028-02-29").days()).isEqualTo(29);
    }

    @Test
    void startMonthOutsideOneToTwelveIsRefused() {
        assertThatThrownBy(() -> new FiscalCalendar(13, YearNamedBy.END)).hasMessageContaining("year-start-month");
    }

    @Test
    void nightlyRunInMidQuarterReadsFromTheYearStart() {
        // given: D = 2026-11-26, year from February
        RunPlan plan = RunPlan.nightly(FEB_END, d("2026-11-26"));

        // then
        assertThat(plan.runKey()).isEqualTo("nightly-2026-11-26");
        assertThat(plan.fullPeriod(Window.MONTH)).isEqualTo(p("2026-11-01", "2026-11-30"));
        assertThat(plan.fullPeriod(Window.QUARTER)).isEqualTo(p("2026-11-01", "2027-01-31"));
        assertThat(plan.fullPeriod(Window.YEAR)).isEqualTo(p("2026-02-01", "2027-01-31"));
        assertThat(plan.window(Window.QUARTER)).isEqualTo(p("2026-11-01", "2026-11-26"));
        assertThat(plan.latestClosedMonth()).isEqualTo(p("2026-10-01", "2026-10-31"));
        assertThat(plan.latestClosedQuarter()).isEqualTo(p("2026-08-01", "2026-10-31"));
        assertThat(plan.readStart()).isEqualTo(d("2026-02-01"));
    }

    @Test
    void nightlyRunEarlyInTheYearReadsFromTheLatestClosedQuarter() {
        // given: D = 2026-02-10: closed month Jan 2026, closed quarter Nov 2025–Jan 2026 → S = 2025-11-01
        RunPlan plan = RunPlan.nightly(FEB_END, d("2026-02-10"));

        // then
        assertThat(plan.latestClosedMonth()).isEqualTo(p("2026-01-01", "2026-01-31"));
        assertThat(plan.latestClosedQuarter()).isEqualTo(p("2025-11-01", "2026-01-31"));
        assertThat(plan.readStart()).isEqualTo(d("2025-11-01"));
        assertThat(plan.readRange()).isEqualTo(p("2025-11-01", "2026-02-10"));
    }

    @Test
    void monthlyRunClosesItsOwnMonthAndQuarter() {
        // given: monthly 2027-01 → D = 2027-01-31, the last day of Q4 and of FY2027
        RunPlan plan = RunPlan.monthly(FEB_END, YearMonth.of(2027, 1));

        // then
        assertThat(plan.runKey()).isEqualTo("monthly-2027-01");
        assertThat(plan.asOf()).isEqualTo(d("2027-01-31"));
        assertThat(plan.latestClosedMonth()).isEqualTo(p("2027-01-01", "2027-01-31"));
        assertThat(plan.latestClosedQuarter()).isEqualTo(p("2026-11-01", "2027-01-31"));
        assertThat(plan.readStart()).isEqualTo(d("2026-02-01"));
    }

    @Test
    void nightlyRunOnTheLastDayOfAMonthTreatsThatMonthAsClosed() {
        // given: D = 2026-03-31 (calendar year): March and Q1 are closed
        RunPlan plan = RunPlan.nightly(FiscalCalendar.calendarYear(), d("2026-03-31"));

        // then
        assertThat(plan.latestClosedMonth()).isEqualTo(p("2026-03-01", "2026-03-31"));
        assertThat(plan.latestClosedQuarter()).isEqualTo(p("2026-01-01", "2026-03-31"));
        assertThat(plan.readStart()).isEqualTo(d("2026-01-01"));
    }
}
