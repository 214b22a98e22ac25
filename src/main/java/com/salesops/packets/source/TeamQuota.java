package com.salesops.packets.source;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of {@code team_quota}; {@code month} is the first day of a calendar month; currency as read. */
public record TeamQuota(String teamId, LocalDate month, BigDecimal amount, String currency) {
}
