package com.salesops.packets.history;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.RunType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The run a run compares with (docs/numbers.md §10): a completed run of the same type with an earlier
 * as-of whose rows are still whole.
 *
 * @param readStart Sp, the first day the previous run read
 */
public record PreviousRun(String runKey, RunType type, LocalDate asOf, LocalDate readStart) {

    public PreviousRun {
        Objects.requireNonNull(runKey, "runKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(readStart, "readStart");
    }

    /**
     * C, the span both runs reported: [max(S, Sp), Dp]; empty when the current run starts reading
     * after the previous run's as-of (a previous run from long ago).
     */
    public Optional<Period> commonSpan(RunPlan current) {
        LocalDate from = current.readStart().isAfter(readStart) ? current.readStart() : readStart;
        return from.isAfter(asOf) ? Optional.empty() : Optional.of(new Period(from, asOf));
    }
}
