package com.salesops.packets.run;

/**
 * Keys of the reconciliation counts the compute step leaves in the job's execution context, for the
 * run summary and the ops email (docs/numbers.md §9).
 */
final class Invariant {

    static final String BOOKINGS_READ = "invariant.bookingsRead";
    static final String CREDITED = "invariant.credited";
    static final String REJECTED = "invariant.rejected";
    static final String LINES = "invariant.lines";
    static final String BROKEN = "invariant.brokenBookings";

    private Invariant() {
    }
}
