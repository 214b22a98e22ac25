package com.salesops.packets.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run covers (docs/numbers.md §1): the as-of date D, the full period of each window, and S,
 * the first day the run reads.
 */
public record RunPlan(
        String runKey,
        RunType type,
        LocalDate asOf,
        Map<Window, Period> fullPeriods,
        Period latestClosedMonth,
        Period latestClosedQuarter,
        LocalDate readStart) {

    public RunPlan {
        Objects.requireNonNull(runKey, "runKey");
        Objects.requireNonNull(asOf, "asOf");
        fullPeriods = Map.copyOf(fullPeriods);
    }

    public static RunPlan nightly(FiscalCalendar calendar, LocalDate asOf) {
        return of(calendar, RunType.NIGHTLY, RunKeys.nightly(asOf), asOf);
    }

    public static RunPlan monthly(FiscalCalendar calendar, YearMonth month) {
        return of(calendar, RunType.MONTHLY, RunKeys.monthly(month), month.atEndOfMonth());
    }

    private static RunPlan of(FiscalCalendar calendar, RunType type, String runKey, LocalDate asOf) {
        Map<Window, Period> full = new EnumMap<>(Window.class);
        for (Window w : Window.values()) {
            full.put(w, calendar.period(w, asOf));
        }
        // A period is closed when its last day <= D.
        Period month = full.get(Window.MONTH);
        Period closedMonth = month.end().equals(asOf) ? month : calendar.month(month.start().minusDays(1));
        Period quarter = full.get(Window.QUARTER);
        Period closedQuarter = quarter.end().equals(asOf) ? quarter : calendar.quarter(quarter.start().minusDays(1));
        LocalDate s = full.get(Window.YEAR).start();
        if (closedMonth.start().isBefore(s)) {
            s = closedMonth.start();
        }
        if (closedQuarter.start().isBefore(s)) {
            s = closedQuarter.start();
        }
        return new RunPlan(runKey, type, asOf, full, closedMonth, closedQuarter, s);
    }

    public Period fullPeriod(Window window) {
        return fullPeriods.get(window);
    }

    /** The window's days so far: its full period's first day .. D. */
    public Period window(Window window) {
        return new Period(fullPeriod(window).start(), asOf);
    }

    /** First day of the YEAR window. */
    public LocalDate yearStart() {
        return fullPeriod(Window.YEAR).start();
    }

    /** [S, D]: every day whose bookings or cancellations this run reads. */
    public Period readRange() {
        return new Period(readStart, asOf);
    }
}
