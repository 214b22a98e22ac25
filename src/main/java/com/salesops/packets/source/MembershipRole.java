package com.salesops.packets.source;

import com.salesops.packets.support.Enums;
import java.util.Optional;

/** {@code team_membership.role}; matched ignoring case and surrounding spaces. */
public enum MembershipRole {
    REP, OVERLAY;

    public static Optional<MembershipRole> parse(String raw) {
        return Enums.parseLenient(MembershipRole.class, raw);
    }
}
