package com.salesops.packets.demo;

/** Placeholder replaced by the demo branch. */
public record DemoSummary(long bookings) {
}
