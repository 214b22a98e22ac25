package com.salesops.packets.calendar;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Fiscal months, quarters and years (docs/numbers.md §1). Quarters are 3-month blocks from the year's
 * start month.
 */
public record FiscalCalendar(int yearStartMonth, YearNamedBy yearNamedBy) {

    public FiscalCalendar {
        if (yearStartMonth < 1 || yearStartMonth > 12) {
            throw new IllegalArgumentException(
                    "packets.fiscal.year-start-month must be 1..12, was " + yearStartMonth);
        }
        if (yearNamedBy == null) {
            throw new IllegalArgumentException("packets.fiscal.year-named-by must be END or START");
        }
    }

    public static FiscalCalendar calendarYear() {
        return new FiscalCalendar(1, YearNamedBy.END);
    }

    public Period month(LocalDate day) {
        YearMonth m = YearMonth.from(day);
        return new Period(m.atDay(1), m.atEndOfMonth());
    }

    public Period year(LocalDate day) {
        LocalDate start = yearStart(day);
        return new Period(start, start.plusYears(1).minusDays(1));
    }

    public Period quarter(LocalDate day) {
        LocalDate yearStart = yearStart(day);
        long monthsIn = java.time.temporal.ChronoUnit.MONTHS.between(
                YearMonth.from(yearStart), YearMonth.from(day));
        LocalDate start = yearStart.plusMonths((monthsIn / 3) * 3);
        return new Period(start, start.plusMonths(3).minusDays(1));
    }

    public Period period(Window window, LocalDate day) {
        return switch (window) {
            case MONTH -> month(day);
            case QUARTER -> quarter(day);
            case YEAR -> year(day);
        };
    }

    /** Fiscal year number of the year containing {@code day}. */
    public int fiscalYear(LocalDate day) {
        Period year = year(day);
        return yearNamedBy == YearNamedBy.END ? year.end().getYear() : year.start().getYear();
    }

    /** 1..4 */
    public int fiscalQuarter(LocalDate day) {
        long monthsIn = java.time.temporal.ChronoUnit.MONTHS.between(
                YearMonth.from(yearStart(day)), YearMonth.from(day));
        return (int) (monthsIn / 3) + 1;
    }

    private LocalDate yearStart(LocalDate day) {
        int startYear = day.getMonthValue() >= yearStartMonth ? day.getYear() : day.getYear() - 1;
        return LocalDate.of(startYear, yearStartMonth, 1);
    }
}
