package com.salesops.packets.credit;

import java.math.BigDecimal;
import java.util.Objects;

/** A booking that was read but not credited, with the source amount and currency unconverted. */
public record Reject(String bookingId, RejectReason reason, String detail, BigDecimal amount, String currency) {

    public Reject {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
