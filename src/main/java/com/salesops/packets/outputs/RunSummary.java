package com.salesops.packets.outputs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.salesops.packets.guard.GateSummary;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code run-summary.json} ({@code docs/architecture.md}, "Outputs"), written by
 * Jackson in this order. {@code failure} appears only for a run that did not complete; {@code gate}
 * is the delivery gate's decision and figures for every run, held or not.
 */
@JsonPropertyOrder({"runKey", "status", "failure", "asOf", "readStart", "jobExecutionId", "generatedAt", "bookings",
        "invariant", "gate", "packets", "emailsNotSent", "managersWithoutEmail", "teamsWithUnknownManager", "stepTimingsMillis"})
public record RunSummary(String runKey, String status, @JsonInclude(JsonInclude.Include.NON_NULL) String failure,
                         String asOf, String readStart, long jobExecutionId, String generatedAt, Bookings bookings,
                         Invariant invariant, GateSummary gate, Packets packets, List<NotSent> emailsNotSent,
                         List<String> managersWithoutEmail, List<String> teamsWithUnknownManager,
                         Map<String, Long> stepTimingsMillis) {

    /** Bookings the compute step counted; -1 where the run did not get that far. */
    @JsonPropertyOrder({"read", "credited", "rejected", "creditLines"})
    public record Bookings(long read, long credited, long rejected, long creditLines) {
    }

    /** The reconciliation invariant (docs/numbers.md §9). */
    @JsonPropertyOrder({"everyBookingCreditedOrRejected", "bookingsWithUnbalancedPrimaryLines", "holds"})
    public record Invariant(boolean everyBookingCreditedOrRejected, long bookingsWithUnbalancedPrimaryLines,
                            boolean holds) {
    }

    @JsonPropertyOrder({"rendered", "sent", "failed"})
    public record Packets(long rendered, long sent, long failed) {
    }

    /** A ledger row that is not SENT. */
    @JsonPropertyOrder({"teamId", "recipient", "purpose", "status", "attempts", "lastError"})
    public record NotSent(String teamId, String recipient, String purpose, String status, int attempts,
                          String lastError) {
    }
}
