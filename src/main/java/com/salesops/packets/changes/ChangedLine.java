package com.salesops.packets.changes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A deal line a packet lists among the changes. NEW and CANCELLED: the line itself ({@code after}
 * is its amount, {@code before} empty). RESTATED: a rep's lines of a booking in the common span,
 * added up in each run ({@code before} empty when the previous run had none, {@code after} empty
 * when this run has none).
 *
 * @param lineDate       NEW/CANCELLED: the line's date; RESTATED: the earliest date of a line that differs
 * @param inClosedPeriod RESTATED: a differing line is dated in a month already closed at the previous as-of
 */
public record ChangedLine(ChangeKind kind, ChangedDeal deal, LocalDate lineDate, Optional<BigDecimal> before,
                          Optional<BigDecimal> after, boolean inClosedPeriod) {

    public ChangedLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(lineDate, "lineDate");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** What the change adds to the rep's credit: after − before (a missing side counts 0). */
    public BigDecimal delta() {
        return after.orElse(BigDecimal.ZERO).subtract(before.orElse(BigDecimal.ZERO)).setScale(2);
    }
}
