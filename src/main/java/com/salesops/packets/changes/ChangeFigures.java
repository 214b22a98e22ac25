package com.salesops.packets.changes;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The change figures of one node (docs/numbers.md §10): money to the cent, counts of distinct bookings.
 *
 * @param newCredit      Σ of the lines dated after the previous as-of (reversals included)
 * @param restatedCredit Σ of this run's lines dated in the common span − Σ of the previous run's
 * @param newDeals       bookings with an original line dated after the previous as-of
 * @param cancelledDeals bookings with a reversal line dated after the previous as-of
 * @param restatedDeals  bookings whose lines dated in the common span differ between the runs
 */
public record ChangeFigures(BigDecimal newCredit, BigDecimal restatedCredit, int newDeals, int cancelledDeals,
                            int restatedDeals) {

    public static final ChangeFigures NONE = new ChangeFigures(zero(), zero(), 0, 0, 0);

    public ChangeFigures {
        Objects.requireNonNull(newCredit, "newCredit");
        Objects.requireNonNull(restatedCredit, "restatedCredit");
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
