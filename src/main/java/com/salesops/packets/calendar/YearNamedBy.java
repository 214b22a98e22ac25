package com.salesops.packets.calendar;

/** Whether fiscal year N is named after the calendar year it ends in (END) or starts in (START). */
public enum YearNamedBy {
    END, START
}
