package com.salesops.packets.attainment;

public enum PaceStatus {
    ON_PACE, AT_RISK, BEHIND
}
