package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's figures for one calendar month of the fiscal year so far (the Trend, docs/numbers.md §11):
 * credited as §4 counts it for a one-month window (a rep: all of the rep's lines dated in the month; a
 * team: the PRIMARY lines of its subtree), and the month's quota as §3 defines it (a rep's month
 * quota, empty when the rep has no row that month; a team's month quota). The current month runs to D.
 *
 * @param month the first day of the month
 */
public record MonthFigure(Level level, String nodeId, LocalDate month, Optional<BigDecimal> quota,
                          BigDecimal credited) {

    public MonthFigure {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(credited, "credited");
    }

    /** credited / quota × 100, exact; empty when the quota is missing or 0.00 (docs/numbers.md §4). */
    public Optional<BigDecimal> attainmentPct() {
        return AttainmentCalculator.attainment(credited, quota);
    }

    /** The attainment as printed (2 decimals, HALF_UP). */
    public Optional<BigDecimal> printedAttainment() {
        return attainmentPct().map(a -> a.setScale(2, RoundingMode.HALF_UP));
    }
}
