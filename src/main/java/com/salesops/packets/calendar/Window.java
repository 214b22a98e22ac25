package com.salesops.packets.calendar;

/** The three windows every run reports, in output order. */
public enum Window {
    MONTH, QUARTER, YEAR
}
