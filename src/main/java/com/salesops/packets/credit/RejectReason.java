package com.salesops.packets.credit;

/** Why a booking could not be credited (docs/numbers.md §9), in the order the checks apply. */
public enum RejectReason {
    UNKNOWN_EMPLOYEE,
    NO_TEAM_ON_DATE,
    AMBIGUOUS_TEAM,
    MISSING_FX_RATE,
    NO_CREDIT,
    SPLIT_SUM,
    INVALID_SPLIT,
    INVALID_AMOUNT,
    CANCELLED_WITHOUT_DATE,
    CANCELLED_BEFORE_BOOKED,
    INVALID_STATUS
}
