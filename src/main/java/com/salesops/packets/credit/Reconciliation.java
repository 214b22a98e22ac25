package com.salesops.packets.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Invariant (2) of docs/numbers.md §9: a credited booking's original PRIMARY lines add up to its converted
 * amount, give or take one cent of rounding per line.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** A message naming the booking and both figures when the invariant is broken; empty when it holds. */
    public static Optional<String> check(CreditedBooking b, List<CreditLine> lines) {
        if (!b.originalsInRun()) {
            return Optional.empty();
        }
        BigDecimal lineSum = lines.stream()
                .filter(l -> l.bookingId().equals(b.bookingId()) && !l.reversal() && l.isPrimary())
                .map(CreditLine::amountBase)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal expected = b.amount().multiply(b.fxRate()).multiply(b.primarySplitSum()).movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal tolerance = new BigDecimal("0.01").multiply(BigDecimal.valueOf(b.primaryLineCount()));
        if (lineSum.subtract(expected).abs().compareTo(tolerance) <= 0) {
            return Optional.empty();
        }
        return Optional.of("booking " + b.bookingId() + ": its PRIMARY lines sum to " + lineSum.toPlainString()
                + " but amount × fx × PRIMARY split sum / 100 is " + expected.toPlainString()
                + " (tolerance " + tolerance.toPlainString() + ")");
    }
}
