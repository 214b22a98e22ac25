package com.salesops.packets.retention;

import com.salesops.packets.calendar.RunType;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a run is past retention (docs/architecture.md, "Retention"), by its as-of date — the day its key names
 * — counted back from today: a nightly whose as-of is before today minus {@code nightlyDays} days, a monthly
 * whose month is before this month minus {@code monthlyMonths} months. The as-of, not the completion time: a
 * rerun of an old key after a data fix does not keep it longer, and a key's fate does not depend on when cron
 * happened to finish it.
 */
public record RetentionPolicy(int nightlyDays, int monthlyMonths) {

    public RetentionPolicy {
        if (nightlyDays < 1 || monthlyMonths < 1) {
            throw new IllegalArgumentException("retention must keep at least 1 day and 1 month, was " + nightlyDays
                    + " days and " + monthlyMonths + " months");
        }
    }

    public boolean pastRetention(RunType type, LocalDate asOf, LocalDate today) {
        return switch (type) {
            case NIGHTLY -> asOf.isBefore(nightliesKeptFrom(today));
            case MONTHLY -> YearMonth.from(asOf).isBefore(monthliesKeptFrom(today));
        };
    }

    /** The earliest as-of a nightly kept on {@code today} has. */
    public LocalDate nightliesKeptFrom(LocalDate today) {
        return today.minusDays(nightlyDays);
    }

    /** The earliest month a monthly kept on {@code today} closes. */
    public YearMonth monthliesKeptFrom(LocalDate today) {
        return YearMonth.from(today).minusMonths(monthlyMonths);
    }
}
