package com.salesops.packets.guard;

import com.salesops.packets.support.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery gate's rules, plain functions of the figures and the limits: each broken rule is one
 * reason to hold the run, in words an operator can act on. No reason: the run may be delivered.
 */
public final class DeliveryGateRules {

    private DeliveryGateRules() {
    }

    public static List<String> reasons(GateFigures f, GuardSettings limits) {
        List<String> reasons = new ArrayList<>();
        if (limits.minBookings() > 0 && f.bookingsRead() < limits.minBookings()) {
            reasons.add(f.bookingsRead() == 0
                    ? "no booking read: the source returned nothing for the run's dates (an empty replica or a view "
                            + "on the wrong schema?)"
                    : "only " + f.bookingsRead() + " booking(s) read, fewer than packets.guard.min-bookings = "
                            + limits.minBookings());
        }
        BigDecimal maxReject = limits.maxRejectPct();
        if (maxReject.signum() > 0 && f.bookingsRead() > 0
                && BigDecimal.valueOf(f.bookingsRejected() * 100).compareTo(maxReject.multiply(
                        BigDecimal.valueOf(f.bookingsRead()))) > 0) {
            reasons.add(f.bookingsRejected() + " of " + f.bookingsRead() + " bookings rejected ("
                    + f.rejectPct().orElseThrow().toPlainString() + " %), more than packets.guard.max-reject-pct = "
                    + maxReject.stripTrailingZeros().toPlainString() + " % (see rejects.csv)");
        }
        BigDecimal maxDrop = limits.maxDropPct();
        f.comparison().filter(c -> maxDrop.signum() > 0 && c.fellByMoreThan(maxDrop)).ifPresent(c -> reasons.add(
                "credited total of " + c.commonSpan().start() + ".." + c.commonSpan().end() + " fell from "
                        + Decimals.grouped2(c.previousCredited()) + " in " + c.previousRunKey() + " to "
                        + Decimals.grouped2(c.credited()) + " (-" + c.dropPct().orElseThrow().toPlainString()
                        + " %), more than packets.guard.max-drop-pct = " + maxDrop.stripTrailingZeros().toPlainString()
                        + " % (bookings missing from the source?)"));
        return reasons;
    }
}
