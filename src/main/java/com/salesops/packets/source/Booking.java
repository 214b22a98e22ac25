package com.salesops.packets.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of {@code booking} with its credit rows, exactly as read (dirty values included: the raw
 * {@code status} and {@code currency} text; {@code partnerName} and {@code cancelledDate} may be null).
 * Crediting decides what is valid.
 */
public record Booking(
        String id,
        LocalDate bookingDate,
        String accountName,
        BigDecimal amount,
        String currency,
        String bookingType,
        String channel,
        String partnerName,
        String status,
        LocalDate cancelledDate,
        List<BookingCredit> credits) {

    public Booking {
        credits = List.copyOf(credits);
    }
}
