package com.salesops.packets.source;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of {@code rep_quota}; {@code month} is the first day of a calendar month; currency as read. */
public record RepQuota(String employeeId, LocalDate month, BigDecimal amount, String currency) {
}
