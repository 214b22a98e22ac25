package com.salesops.packets.run;

/** The reconciliation invariant of docs/numbers.md §9 does not hold: the run must fail loudly. */
final class InvariantBrokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvariantBrokenException(String message) {
        super(message);
    }
}
