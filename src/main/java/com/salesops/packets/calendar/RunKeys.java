package com.salesops.packets.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run keys ({@code docs/architecture.md}, "Run keys"): {@code nightly-YYYY-MM-DD} and
 * {@code monthly-YYYY-MM}. The key alone defines the run.
 */
public final class RunKeys {

    private static final Pattern KEY = Pattern.compile("(?:nightly-(\\d{4}-\\d{2}-\\d{2})|monthly-(\\d{4}-\\d{2}))");

    private RunKeys() {
    }

    public static String nightly(LocalDate asOf) {
        return "nightly-" + asOf;
    }

    public static String monthly(YearMonth month) {
        return "monthly-" + month;
    }

    /** Whether {@code text} has the shape of a run key (its date may still be invalid). */
    public static boolean looksLikeRunKey(String text) {
        return KEY.matcher(text).matches();
    }

    public static RunPlan plan(String runKey, FiscalCalendar calendar) {
        Matcher m = KEY.matcher(runKey);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a valid run key: " + runKey
                    + " (expected nightly-YYYY-MM-DD or monthly-YYYY-MM)");
        }
        try {
            return m.group(1) != null ? RunPlan.nightly(calendar, LocalDate.parse(m.group(1)))
                    : RunPlan.monthly(calendar, YearMonth.parse(m.group(2)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid run key: " + runKey + " (" + e.getParsedString() + ")", e);
        }
    }
}
