package com.salesops.packets.calendar;

public enum RunType {
    NIGHTLY, MONTHLY
}
