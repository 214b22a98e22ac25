package com.salesops.packets.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which as-of dates and months a run may be asked for, on a given day. */
class RunDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void aNightlyAsOfTodayOrEarlierRunsAndTomorrowIsRefusedUnlessAllowed() {
        assertThat(RunDates.refuseNightly(TODAY, TODAY, "UTC", false)).isEmpty();
        assertThat(RunDates.refuseNightly(TODAY.minusDays(1), TODAY, "UTC", false)).isEmpty();
        assertThat(RunDates.refuseNightly(LocalDate.of(2999, 1, 1), TODAY, "UTC", false)).contains(
                "--as-of 2999-01-01 is after today (2026-11-30 in UTC): such a run reads bookings not made yet and "
                        + "would email packets of missing numbers. Check the date; add --allow-future if it is meant.");
        assertThat(RunDates.refuseNightly(TODAY.plusDays(1), TODAY, "UTC", true)).isEmpty();
    }

    @Test
    void aMonthlyRunsOnceItsLastDayIsOver() {
        // on 2026-11-30, November's last day is not over yet; October is
        assertThat(RunDates.refuseMonthly(YearMonth.of(2026, 11), TODAY, "America/New_York", false)).contains(
                "--month 2026-11 has not ended (today is 2026-11-30 in America/New_York; its last day is 2026-11-30): "
                        + "its month-close packet would miss bookings not made yet. Check the month; add "
                        + "--allow-future if it is meant.");
        assertThat(RunDates.refuseMonthly(YearMonth.of(2026, 10), TODAY, "UTC", false)).isEmpty();
        assertThat(RunDates.refuseMonthly(YearMonth.of(2026, 11), TODAY.plusDays(1), "UTC", false)).isEmpty();
        assertThat(RunDates.refuseMonthly(YearMonth.of(2027, 1), TODAY, "UTC", true)).isEmpty();
    }

    @Test
    void anAsOfBeforeTheEarliestBookingIsWarnedAbout() {
        assertThat(RunDates.beforeEarliestBooking(LocalDate.of(1900, 1, 1), Optional.of(LocalDate.of(2024, 3, 4))))
                .contains("as-of 1900-01-01 is before the earliest booking in the source (2024-03-04): the run will "
                        + "find no booking to credit. Check the date.");
        assertThat(RunDates.beforeEarliestBooking(LocalDate.of(2024, 3, 4), Optional.of(LocalDate.of(2024, 3, 4))))
                .isEmpty();
        assertThat(RunDates.beforeEarliestBooking(LocalDate.of(1900, 1, 1), Optional.empty())).isEmpty();
    }
}
