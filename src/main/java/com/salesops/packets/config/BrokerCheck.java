package com.salesops.packets.config;

/**
 * {@code validate-config}'s check of the message broker, present only in remote render mode
 * (docs/architecture.md, "Remote rendering"): connects and declares the requests queue; throws with the broker's answer when
 * that fails, else returns what it found.
 */
public interface BrokerCheck {

    String check();
}
