package com.salesops.packets.changes;

/** Why a deal line is listed among the changes. */
public enum ChangeKind {
    /** An original line dated after the previous run's as-of. */
    NEW,
    /** A reversal line dated after the previous run's as-of. */
    CANCELLED,
    /** A rep's lines of a booking, dated in the span both runs reported, that differ between them. */
    RESTATED
}
