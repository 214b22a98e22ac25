package com.salesops.packets.attainment;

import static com.salesops.packets.testing.OrgBuilder.d;
import static com.salesops.packets.testing.OrgBuilder.m;

import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.CreditRole;
import com.salesops.packets.source.Org;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lines and lookups for the attainment tests. */
final class Fixture {

    /** Monthly run of November 2026 (calendar year): D = 2026-11-30, every window's expected_pct is simple. */
    static final RunPlan NOV_CLOSE = RunPlan.monthly(FiscalCalendar.calendarYear(), YearMonth.of(2026, 11));
    /** Nightly run, D = 2026-11-26. */
    static final RunPlan NOV_26 = RunPlan.nightly(FiscalCalendar.calendarYear(), d("2026-11-26"));

    private Fixture() {
    }

    static CreditLine line(String booking, String employee, String team, String date, String amount) {
        return new CreditLine(booking, employee, team, CreditRole.PRIMARY, new BigDecimal("100"), d(date), m(amount),
                false, d(date), null);
    }

    static CreditLine overlayLine(String booking, String employee, String team, String date, String amount) {
        return new CreditLine(booking, employee, team, CreditRole.OVERLAY, new BigDecimal("100"), d(date), m(amount),
                false, d(date), null);
    }

    /** An original line of a booking cancelled on {@code cancelled}. */
    static CreditLine cancelledLine(String booking, String employee, String team, String date, String amount,
                                    String cancelled) {
        return new CreditLine(booking, employee, team, CreditRole.PRIMARY, new BigDecimal("100"), d(date), m(amount),
                false, d(date), d(cancelled));
    }

    static CreditLine reversal(String booking, String employee, String team, String bookedOn, String cancelled,
                               String negativeAmount) {
        return new CreditLine(booking, employee, team, CreditRole.PRIMARY, new BigDecimal("100"), d(cancelled),
                m(negativeAmount), true, d(bookedOn), d(cancelled));
    }

    /** Feeds the lines grouped by booking id, as the job does. */
    static AttainmentResults run(RunPlan plan, Org org, AttainmentSettings settings, CreditLine... lines) {
        AttainmentCalculator calc = new AttainmentCalculator(plan, org, settings);
        Map<String, List<CreditLine>> byBooking = new LinkedHashMap<>();
        for (CreditLine l : lines) {
            byBooking.computeIfAbsent(l.bookingId(), k -> new ArrayList<>()).add(l);
        }
        byBooking.values().forEach(calc::accept);
        return calc.finish();
    }

    static AttainmentResults run(RunPlan plan, Org org, CreditLine... lines) {
        return run(plan, org, AttainmentSettings.defaults(), lines);
    }

    static NodeResult rep(AttainmentResults r, Window w, String id) {
        return find(r, w, Level.REP, id);
    }

    static NodeResult team(AttainmentResults r, Window w, String id) {
        return find(r, w, Level.TEAM, id);
    }

    static NodeResult find(AttainmentResults r, Window w, Level level, String id) {
        return r.rows().stream().filter(x -> x.window() == w && x.level() == level && x.nodeId().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no " + level + " row " + id + " in " + w));
    }

    static BigDecimal round(BigDecimal exact, int decimals) {
        return exact.setScale(decimals, java.math.RoundingMode.HALF_UP);
    }
}
