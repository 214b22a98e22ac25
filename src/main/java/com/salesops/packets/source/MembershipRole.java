package com.salesops.packets.source;

import java.util.Locale;
import java.util.Optional;

/** {@code team_membership.role}; matched ignoring case and surrounding spaces. */
public enum MembershipRole {
    REP, OVERLAY;

    public static Optional<MembershipRole> parse(String raw) {
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
