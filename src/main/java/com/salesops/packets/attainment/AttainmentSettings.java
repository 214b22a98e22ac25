package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The configurable values of docs/numbers.md §3–7, as plain values (no Spring).
 *
 * @param compPlans        plan per employee id; employees not listed get {@code defaultPlan}
 * @param pullInShare      a fraction in [0,1] (0.5 = 50 %)
 */
public record AttainmentSettings(
        boolean proratePartialMonths,
        BigDecimal onPaceThreshold,
        BigDecimal atRiskThreshold,
        BigDecimal pullInMinCredit,
        int pullInDays,
        BigDecimal pullInShare,
        int cancelWindowDays,
        CompPlan defaultPlan,
        Map<String, CompPlan> compPlans) {

    public AttainmentSettings {
        Objects.requireNonNull(defaultPlan, "defaultPlan");
        compPlans = Map.copyOf(compPlans);
    }

    public static AttainmentSettings defaults() {
        return new AttainmentSettings(true, new BigDecimal("1.00"), new BigDecimal("0.80"),
                new BigDecimal("10000"), 3, new BigDecimal("0.5"), 30, CompPlan.shippedDefault(), Map.of());
    }

    public CompPlan planOf(String employeeId) {
        return compPlans.getOrDefault(employeeId, defaultPlan);
    }
}
