package com.salesops.packets.delivery;

/** A ledger row: one email of one packet to one recipient, for one purpose (the run, or a resend). */
public record Delivery(long id, String runKey, String teamId, String recipient, DeliveryPurpose purpose,
                       DeliveryStatus status, int attempts, String messageId, String lastError) {
}
