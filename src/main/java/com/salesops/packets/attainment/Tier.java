package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.util.Objects;

/** A marginal comp tier: attainment % from {@code fromPct} (inclusive) paid at {@code rate}. */
public record Tier(BigDecimal fromPct, BigDecimal rate) {
    public Tier {
        Objects.requireNonNull(fromPct, "fromPct");
        Objects.requireNonNull(rate, "rate");
    }
}
