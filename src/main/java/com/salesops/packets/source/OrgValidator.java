package com.salesops.packets.source;

/** Placeholder replaced by the maths branch. */
public final class OrgValidator {
    private OrgValidator() {
    }

    public static void validate(Org org) {
    }
}
