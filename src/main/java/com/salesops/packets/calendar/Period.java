package com.salesops.packets.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A closed range of days, first..last inclusive. */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period end " + end + " is before its start " + start);
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** Number of days, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean overlaps(Period other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }

    /** This period cut at {@code day} (inclusive); {@code day} must lie inside it. */
    public Period upTo(LocalDate day) {
        if (!contains(day)) {
            throw new IllegalArgumentException(day + " is outside " + this);
        }
        return new Period(start, day);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
