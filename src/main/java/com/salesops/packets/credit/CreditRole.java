package com.salesops.packets.credit;

import java.util.Locale;
import java.util.Optional;

/** {@code booking_credit.credit_role}; matched ignoring case and surrounding spaces. */
public enum CreditRole {
    PRIMARY, OVERLAY;

    public static Optional<CreditRole> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(raw.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
