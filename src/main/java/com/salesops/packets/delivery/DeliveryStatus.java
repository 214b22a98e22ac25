package com.salesops.packets.delivery;

/**
 * Where a ledger row is: PENDING → SENT once, or FAILED_* (tried again by a restart). SUPERSEDED
 * closes a row whose recipient is no longer the team manager's address (fixed in the source); it is
 * not sent and no longer holds the run back.
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED_RETRYABLE, FAILED_PERMANENT, SUPERSEDED;

    /** Still to send: neither SENT nor SUPERSEDED. */
    public boolean unsent() {
        return this != SENT && this != SUPERSEDED;
    }
}
