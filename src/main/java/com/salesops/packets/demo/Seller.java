package com.salesops.packets.demo;

import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Membership;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Someone credited on normal bookings: a rep or an overlay specialist. */
record Seller(Employee employee, List<Membership> memberships, int region, String currency, BigDecimal monthlyQuota,
              double skill) {

    String id() {
        return employee.id();
    }

    /** Employed and exactly one membership covers {@code day}, so crediting can place the line. */
    boolean activeOn(LocalDate day) {
        if (!employee.employedOn(day)) {
            return false;
        }
        int covering = 0;
        for (Membership m : memberships) {
            if (m.covers(day)) {
                covering++;
            }
        }
        return covering == 1;
    }

    String teamOn(LocalDate day) {
        for (Membership m : memberships) {
            if (m.covers(day)) {
                return m.teamId();
            }
        }
        return memberships.get(memberships.size() - 1).teamId();
    }
}
