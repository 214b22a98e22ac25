package com.salesops.packets.guard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * The delivery gate's block of {@code run-summary.json} (docs/numbers.md §13): the
 * decision, the rules broken, the figures and the limits. A run that never reached the gate has only
 * {@code decision: NOT_REACHED}; {@code previousRun} is null when there was no previous run to compare
 * with; {@code release} appears once a person released a held run. Amounts and percentages are plain
 * decimal strings (exact, no float).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"decision", "reasons", "executionId", "bookingsRead", "bookingsRejected", "rejectPct",
        "previousRun", "limits", "release"})
public record GateSummary(String decision, List<String> reasons, Long executionId, Long bookingsRead,
                          Long bookingsRejected, @JsonInclude(JsonInclude.Include.ALWAYS) String rejectPct,
                          Optional<PreviousRun> previousRun, Limits limits, Release release) {

    /** The comparison with the previous run over the common span. */
    @JsonPropertyOrder({"runKey", "commonSpanStart", "commonSpanEnd", "credited", "previousCredited", "dropPct"})
    public record PreviousRun(String runKey, String commonSpanStart, String commonSpanEnd, String credited,
                              String previousCredited, @JsonInclude(JsonInclude.Include.ALWAYS) String dropPct) {
    }

    @JsonPropertyOrder({"minBookings", "maxRejectPct", "maxDropPct"})
    public record Limits(long minBookings, String maxRejectPct, String maxDropPct) {
    }

    @JsonPropertyOrder({"heldExecutionId", "by", "at"})
    public record Release(long heldExecutionId, String by, String at) {
    }

    /** A run that failed or stopped before the gate step. */
    public static GateSummary notReached() {
        return new GateSummary("NOT_REACHED", null, null, null, null, null, null, null, null);
    }
}
