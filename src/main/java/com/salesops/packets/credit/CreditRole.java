package com.salesops.packets.credit;

import com.salesops.packets.support.Enums;
import java.util.Optional;

/** {@code booking_credit.credit_role}; matched ignoring case and surrounding spaces. */
public enum CreditRole {
    PRIMARY, OVERLAY;

    public static Optional<CreditRole> parse(String raw) {
        return Enums.parseLenient(CreditRole.class, raw);
    }
}
