package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact running sum of money amounts: the same value and scale as adding the {@link BigDecimal}s one
 * by one from {@code 0.00}, kept in cents in a {@code long} while the amounts have 2 decimals and the
 * sum fits, so the compute step's pass adds a line to a dozen totals without making an object per
 * addition (docs/performance.md, "The compute step's pass"). Beyond a long, or for an amount of another
 * scale, it carries on as a BigDecimal.
 */
final class Sum {

    /** What {@link #cents} returns for an amount this sum adds as a BigDecimal. */
    static final long NOT_CENTS = Long.MIN_VALUE;

    private long cents;
    /** The sum once it no longer fits in {@link #cents} (or took an amount of another scale). */
    private BigDecimal beyond;

    /** An amount's value in cents, computed once per line for all its additions; {@link #NOT_CENTS} if it has none. */
    static long cents(BigDecimal amount) {
        if (amount.scale() != 2) {
            return NOT_CENTS;
        }
        BigInteger unscaled = amount.unscaledValue();
        return unscaled.bitLength() < Long.SIZE ? unscaled.longValue() : NOT_CENTS;
    }

    /** Adds {@code amount}, given with its {@link #cents(BigDecimal)}. */
    void add(BigDecimal amount, long amountCents) {
        if (beyond == null && amountCents != NOT_CENTS) {
            long sum = cents + amountCents;
            // overflow when both operands have the sign the result lacks
            if (((cents ^ sum) & (amountCents ^ sum)) >= 0) {
                cents = sum;
                return;
            }
        }
        beyond = value().add(amount);
    }

    BigDecimal value() {
        return beyond != null ? beyond : BigDecimal.valueOf(cents, 2);
    }
}
