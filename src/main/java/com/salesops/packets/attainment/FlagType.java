package com.salesops.packets.attainment;

public enum FlagType {
    CANCELLED_AFTER_CREDIT, PERIOD_END_PULL_IN
}
