package com.salesops.packets.config;

import com.salesops.packets.attainment.AttainmentSettings;
import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.attainment.Tier;
import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.delivery.MailSettings;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Turns validated {@code packets.*} properties into the plain settings the features take. */
public final class Settings {

    private Settings() {
    }

    public static FiscalCalendar calendar(PacketsProperties p) {
        return new FiscalCalendar(p.fiscal().yearStartMonth(), p.fiscal().yearNamedBy());
    }

    public static AttainmentSettings attainment(PacketsProperties p) {
        Map<String, CompPlan> plans = new HashMap<>();
        p.comp().plans().forEach((name, plan) -> plans.put(name, compPlan(name, plan)));
        CompPlan defaultPlan = plans.get(p.comp().defaultPlan());
        if (defaultPlan == null) {
            throw new InvalidConfigurationException("packets.comp.default-plan",
                    "names plan '" + p.comp().defaultPlan() + "', which is not under packets.comp.plans");
        }
        Map<String, CompPlan> byEmployee = new HashMap<>();
        p.comp().assignments().forEach((employee, planName) -> {
            CompPlan plan = plans.get(planName);
            if (plan == null) {
                throw new InvalidConfigurationException("packets.comp.assignments." + employee,
                        "names plan '" + planName + "', which is not under packets.comp.plans");
            }
            byEmployee.put(employee, plan);
        });
        if (p.pace().atRisk().compareTo(p.pace().onPace()) > 0) {
            throw new InvalidConfigurationException("packets.pace.at-risk", "must not be above packets.pace.on-pace");
        }
        return new AttainmentSettings(p.quota().proratePartialMonths(), p.pace().onPace(), p.pace().atRisk(),
                p.flags().pullIn().minCredit(), p.flags().pullIn().days(),
                p.flags().pullIn().share().divide(new BigDecimal(100)), p.flags().cancelWindowDays(), defaultPlan,
                byEmployee);
    }

    private static CompPlan compPlan(String name, PacketsProperties.Comp.Plan plan) {
        try {
            return new CompPlan(name, plan.annualTarget(),
                    plan.tiers().stream().map(t -> new Tier(t.fromPct(), t.rate())).toList(), plan.capPct());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("packets.comp.plans." + name, e.getMessage());
        }
    }

    public static MailSettings mail(PacketsProperties p) {
        PacketsProperties.Mail m = p.mail();
        return new MailSettings(m.from(), m.replyTo(), m.cc(), m.opsTo(), m.redirectAllTo(), m.maxMessageBytes(),
                m.maxAttempts(), m.retryBackoff());
    }
}
