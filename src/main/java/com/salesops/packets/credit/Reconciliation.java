package com.salesops.packets.credit;

import java.util.List;
import java.util.Optional;

/** Placeholder replaced by the maths branch. */
public final class Reconciliation {
    private Reconciliation() {
    }

    public static Optional<String> check(CreditedBooking b, List<CreditLine> lines) {
        return Optional.empty();
    }
}
