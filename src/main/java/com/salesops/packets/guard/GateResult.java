package com.salesops.packets.guard;

import com.salesops.packets.support.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the delivery gate decided for one execution, why, and the figures and limits it used.
 *
 * @param reasons the rules the figures broke (empty for PASSED; kept for RELEASED: what a person overrode)
 */
public record GateResult(long executionId, String runKey, GateDecision decision, List<String> reasons,
                         GateFigures figures, GuardSettings limits, Instant evaluatedAt, Optional<Release> release) {

    /** A person let a held run's packets go out as they were. */
    public record Release(long heldExecutionId, String by, Instant at) {
    }

    public GateResult {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(release, "release");
    }

    public boolean held() {
        return decision == GateDecision.HELD;
    }

    /** The figures in one line, for status and the ops email. */
    public String figuresLine() {
        StringBuilder b = new StringBuilder();
        b.append(figures.bookingsRead()).append(" bookings read, ").append(figures.bookingsRejected())
                .append(" rejected").append(figures.rejectPct().map(p -> " (" + p.toPlainString() + " %)").orElse(""))
                .append("; ");
        figures.comparison().ifPresentOrElse(c -> b.append("credited ").append(c.commonSpan().start()).append("..")
                        .append(c.commonSpan().end()).append(": ").append(Decimals.grouped2(c.credited()))
                        .append(" against ").append(Decimals.grouped2(c.previousCredited())).append(" in ")
                        .append(c.previousRunKey())
                        .append(c.dropPct().map(p -> " (drop " + p.toPlainString() + " %)").orElse("")),
                () -> b.append("no previous run to compare with"));
        b.append(" [limits: min-bookings ").append(limits.minBookings()).append(", max-reject-pct ")
                .append(plain(limits.maxRejectPct())).append(", max-drop-pct ").append(plain(limits.maxDropPct()))
                .append("]");
        return b.toString();
    }

    /** The gate's block of {@code run-summary.json}. */
    public GateSummary summary() {
        Optional<GateSummary.PreviousRun> previous = figures.comparison().map(c -> new GateSummary.PreviousRun(
                c.previousRunKey(), c.commonSpan().start().toString(), c.commonSpan().end().toString(),
                Decimals.plain2(c.credited()), Decimals.plain2(c.previousCredited()),
                c.dropPct().map(BigDecimal::toPlainString).orElse(null)));
        return new GateSummary(decision.name(), reasons, executionId, figures.bookingsRead(),
                figures.bookingsRejected(), figures.rejectPct().map(BigDecimal::toPlainString).orElse(null), previous,
                new GateSummary.Limits(limits.minBookings(), plain(limits.maxRejectPct()),
                        plain(limits.maxDropPct())),
                release.map(r -> new GateSummary.Release(r.heldExecutionId(), r.by(), r.at().toString())).orElse(null));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
