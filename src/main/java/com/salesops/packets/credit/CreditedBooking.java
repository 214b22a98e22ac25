package com.salesops.packets.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The facts of a credited booking that packets show beside its lines (the Deals sheet) and that the
 * reconciliation invariant checks: source amount and currency, the rate used, the PRIMARY split sum.
 *
 * @param cancelledDate effective cancellation date (null when booked as of D)
 * @param originalsInRun false for a booking dated before S that only contributes reversal lines
 */
public record CreditedBooking(
        String bookingId,
        LocalDate bookingDate,
        String accountName,
        String bookingType,
        String channel,
        String partnerName,
        BigDecimal amount,
        String currency,
        BigDecimal fxRate,
        BigDecimal primarySplitSum,
        int primaryLineCount,
        LocalDate cancelledDate,
        boolean originalsInRun) {
}
