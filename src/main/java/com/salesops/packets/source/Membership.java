package com.salesops.packets.source;

import com.salesops.packets.calendar.Period;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A row of {@code team_membership}: valid from {@code validFrom} (inclusive) to {@code validTo}
 * (exclusive; null = open).
 */
public record Membership(String employeeId, String teamId, MembershipRole role, LocalDate validFrom, LocalDate validTo) {

    public Membership {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(validFrom, "validFrom");
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    /** True when at least one day of {@code period} is covered. */
    public boolean overlaps(Period period) {
        return !validFrom.isAfter(period.end()) && (validTo == null || validTo.isAfter(period.start()));
    }
}
