package com.salesops.packets.source;

import java.math.BigDecimal;

/** A row of {@code booking_credit}, as read: {@code creditRole} is the raw text (validated by crediting). */
public record BookingCredit(String employeeId, String creditRole, BigDecimal splitPercent) {
}
