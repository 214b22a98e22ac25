package com.salesops.packets.source;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of {@code fx_rate}: one unit of {@code currency} is worth {@code rateToBase} base units in {@code month}. */
public record FxRate(String currency, LocalDate month, BigDecimal rateToBase) {
}
