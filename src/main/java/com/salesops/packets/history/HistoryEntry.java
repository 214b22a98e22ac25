package com.salesops.packets.history;

import com.salesops.packets.calendar.RunType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One completed run key as the run history records it. */
public record HistoryEntry(String runKey, RunType type, LocalDate asOf, LocalDate readStart, Instant completedAt,
                           long creditLines, long resultRows, Optional<Instant> purgedAt) {

    public boolean purged() {
        return purgedAt.isPresent();
    }

    public PreviousRun asPreviousRun() {
        return new PreviousRun(runKey, type, asOf, readStart);
    }
}
