package com.salesops.packets.guard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The dates a run may be asked for. A nightly as of a day after today, or a monthly for a month
 * that has not ended, reads bookings nobody has made yet and would email every manager a packet of
 * missing numbers: refused unless {@code --allow-future} says it is meant. An as-of before the
 * source's earliest booking is allowed (a back-fill of an empty start) but worth a warning.
 */
public final class RunDates {

    private RunDates() {
    }

    /** Why a nightly as of {@code asOf} is refused on {@code today} (in {@code zone}), if it is. */
    public static Optional<String> refuseNightly(LocalDate asOf, LocalDate today, String zone, boolean allowFuture) {
        if (allowFuture || !asOf.isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of("--as-of " + asOf + " is after today (" + today + " in " + zone + "): such a run reads "
                + "bookings not made yet and would email packets of missing numbers. Check the date; add "
                + "--allow-future if it is meant.");
    }

    /** Why a monthly for {@code month} is refused on {@code today} (in {@code zone}), if it is. */
    public static Optional<String> refuseMonthly(YearMonth month, LocalDate today, String zone, boolean allowFuture) {
        if (allowFuture || month.atEndOfMonth().isBefore(today)) {
            return Optional.empty();
        }
        return Optional.of("--month " + month + " has not ended (today is " + today + " in " + zone + "; its last "
                + "day is " + month.atEndOfMonth() + "): its month-close packet would miss bookings not made yet. "
                + "Check the month; add --allow-future if it is meant.");
    }

    /** A warning when the run's as-of lies before the source's earliest booking (none: no warning). */
    public static Optional<String> beforeEarliestBooking(LocalDate asOf, Optional<LocalDate> earliestBooking) {
        return earliestBooking.filter(asOf::isBefore).map(first -> "as-of " + asOf + " is before the earliest "
                + "booking in the source (" + first + "): the run will find no booking to credit. Check the date.");
    }
}
