package com.salesops.packets.guard;

/**
 * The delivery gate held the run: the step fails with this (the run ends with exit 1, nothing
 * sent). An expected outcome, not a bug: no stack trace, the message says it all.
 */
public final class DeliveryHeldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryHeldException(String message) {
        super(message, null, false, false);
    }
}
