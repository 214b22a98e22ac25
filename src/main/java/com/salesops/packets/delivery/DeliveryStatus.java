package com.salesops.packets.delivery;

public enum DeliveryStatus {
    PENDING, SENT, FAILED_RETRYABLE, FAILED_PERMANENT
}
