package com.salesops.packets.run;

import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.RunPlan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Run keys (DESIGN §6): {@code nightly-YYYY-MM-DD} and {@code monthly-YYYY-MM}. The key alone defines the run. */
public final class RunKeys {

    private static final Pattern NIGHTLY = Pattern.compile("nightly-(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern MONTHLY = Pattern.compile("monthly-(\\d{4}-\\d{2})");

    private RunKeys() {
    }

    public static String nightly(LocalDate asOf) {
        return "nightly-" + asOf;
    }

    public static String monthly(YearMonth month) {
        return "monthly-" + month;
    }

    public static RunPlan plan(String runKey, FiscalCalendar calendar) {
        try {
            Matcher n = NIGHTLY.matcher(runKey);
            if (n.matches()) {
                return RunPlan.nightly(calendar, LocalDate.parse(n.group(1)));
            }
            Matcher m = MONTHLY.matcher(runKey);
            if (m.matches()) {
                return RunPlan.monthly(calendar, YearMonth.parse(m.group(1)));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid run key: " + runKey + " (" + e.getParsedString() + ")", e);
        }
        throw new IllegalArgumentException("not a valid run key: " + runKey
                + " (expected nightly-YYYY-MM-DD or monthly-YYYY-MM)");
    }
}
