package com.salesops.packets.packet;

import static com.salesops.packets.testing.OrgBuilder.d;
import static com.salesops.packets.testing.OrgBuilder.m;
import static com.salesops.packets.testing.OrgBuilder.org;

import com.salesops.packets.attainment.AttainmentCalculator;
import com.salesops.packets.attainment.AttainmentSettings;
import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.CreditRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Four reps of team-west with their rows computed by the real calculator (nightly as of 2026-11-26,
 * shipped default plan), for the comp explanation tests. Each rep has one November line and, but E3,
 * a November quota only, so MONTH, QUARTER and YEAR have the same quota and credit:
 * <ul>
 * <li>E1 Mia Middle: quota 10,000.00, credited 12,345.67 → 123.4567 %, tier 3 (100–150 %, rate 1.5)</li>
 * <li>E2 Zed Zero: quota 60,000.00, credited 24,258.91 → 40.43 %, tier 1 (rate 0): estimate 0.00</li>
 * <li>E3 Nia Noquota: no quota, credited 1,000.00</li>
 * <li>E4 Cap Capped: quota 10,000.00, credited 30,000.00 → 300 %, capped</li>
 * </ul>
 */
public final class CompSamples {

    public static final RunPlan PLAN = RunPlan.nightly(FiscalCalendar.calendarYear(), LocalDate.of(2026, 11, 26));

    private CompSamples() {
    }

    /** The REP rows of every window. */
    public static List<NodeResult> repRows() {
        AttainmentCalculator calc = new AttainmentCalculator(PLAN, org()
                .team("team-west", "Team West", null)
                .employee("E1", "Mia Middle", "2020-01-01").rep("E1", "team-west", "2020-01-01", null)
                .employee("E2", "Zed Zero", "2020-01-01").rep("E2", "team-west", "2020-01-01", null)
                .employee("E3", "Nia Noquota", "2020-01-01").rep("E3", "team-west", "2020-01-01", null)
                .employee("E4", "Cap Capped", "2020-01-01").rep("E4", "team-west", "2020-01-01", null)
                .repQuota("E1", "2026-11", "10000", "USD")
                .repQuota("E2", "2026-11", "60000", "USD")
                .repQuota("E4", "2026-11", "10000", "USD")
                .build(), AttainmentSettings.defaults());
        calc.accept(List.of(line("B1", "E1", "12345.67")));
        calc.accept(List.of(line("B2", "E2", "24258.91")));
        calc.accept(List.of(line("B3", "E3", "1000.00")));
        calc.accept(List.of(line("B4", "E4", "30000.00")));
        return calc.finish().rows().stream().filter(r -> r.level() == Level.REP).toList();
    }

    public static NodeResult rep(List<NodeResult> rows, Window window, String id) {
        return rows.stream().filter(r -> r.window() == window && r.nodeId().equals(id)).findFirst().orElseThrow();
    }

    private static CreditLine line(String booking, String employee, String amount) {
        return new CreditLine(booking, employee, "team-west", CreditRole.PRIMARY, new BigDecimal("100"),
                d("2026-11-05"), m(amount), false, d("2026-11-05"), null);
    }
}
