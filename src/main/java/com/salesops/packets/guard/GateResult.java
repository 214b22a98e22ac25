package com.salesops.packets.guard;

import com.salesops.packets.support.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public Map<String, Object> summary() {
        Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("decision", decision.name());
        gate.put("reasons", reasons);
        gate.put("executionId", executionId);
        gate.put("bookingsRead", figures.bookingsRead());
        gate.put("bookingsRejected", figures.bookingsRejected());
        gate.put("rejectPct", figures.rejectPct().map(BigDecimal::toPlainString).orElse(null));
        Map<String, Object> previous = null;
        if (figures.comparison().isPresent()) {
            GateFigures.Comparison c = figures.comparison().get();
            previous = new LinkedHashMap<>();
            previous.put("runKey", c.previousRunKey());
            previous.put("commonSpanStart", c.commonSpan().start().toString());
            previous.put("commonSpanEnd", c.commonSpan().end().toString());
            previous.put("credited", Decimals.plain2(c.credited()));
            previous.put("previousCredited", Decimals.plain2(c.previousCredited()));
            previous.put("dropPct", c.dropPct().map(BigDecimal::toPlainString).orElse(null));
        }
        gate.put("previousRun", previous);
        Map<String, Object> limitsMap = new LinkedHashMap<>();
        limitsMap.put("minBookings", limits.minBookings());
        limitsMap.put("maxRejectPct", plain(limits.maxRejectPct()));
        limitsMap.put("maxDropPct", plain(limits.maxDropPct()));
        gate.put("limits", limitsMap);
        release.ifPresent(r -> {
            Map<String, Object> rel = new LinkedHashMap<>();
            rel.put("heldExecutionId", r.heldExecutionId());
            rel.put("by", r.by());
            rel.put("at", r.at().toString());
            gate.put("release", rel);
        });
        return gate;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
