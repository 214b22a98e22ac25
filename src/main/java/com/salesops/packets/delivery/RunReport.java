package com.salesops.packets.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the ops email says about one run execution: how it ended, the counts, the emails that did
 * not go out and, for a failed run, the failing step and its error; for a run the delivery gate
 * held, why and its figures ({@code held}: lines of text, nothing else is held); and what the purge
 * after the run removed (or why it failed: it never fails the run).
 */
public record RunReport(String runKey, long executionId, String status, Duration duration, long bookingsRead,
                        long bookingsCredited, long bookingsRejected, int packetsRendered, List<Delivery> deliveries,
                        Optional<String> failedStep, Optional<String> error, List<String> held,
                        Optional<String> retention) {

    public RunReport {
        deliveries = List.copyOf(deliveries);
        held = List.copyOf(held);
    }

    public long sent() {
        return deliveries.stream().filter(d -> d.status() == DeliveryStatus.SENT).count();
    }

    public List<Delivery> notSent() {
        return deliveries.stream().filter(d -> d.status() != DeliveryStatus.SENT).toList();
    }

    public String subject() {
        if (!held.isEmpty()) {
            return "Attainment packets " + runKey + ": HELD before delivery · " + packetsRendered
                    + " rendered, none sent to managers";
        }
        return "Attainment packets " + runKey + ": " + status
                + (failedStep.isPresent() ? " in " + failedStep.get() : "")
                + " · " + sent() + " sent, " + notSent().size() + " not sent";
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(runKey).append(" (execution ").append(executionId).append("): ").append(status)
                .append('\n');
        b.append("Duration: ").append(duration.toSeconds()).append(" s\n");
        if (!held.isEmpty()) {
            b.append("\nHELD: the delivery gate stopped this run before any manager was emailed. Why:\n");
            held.forEach(line -> b.append("  ").append(line).append('\n'));
            b.append("Look at the figures and rejects.csv. To send the packets as they are: bin/packets release ")
                    .append(executionId).append(". After fixing the source: run the same command again (it recomputes).\n");
        } else {
            failedStep.ifPresent(s -> b.append("Failed step: ").append(s).append('\n'));
            error.ifPresent(e -> b.append("Error: ").append(e).append('\n'));
        }
        b.append('\n');
        b.append("Bookings: ").append(count(bookingsRead)).append(" read, ").append(count(bookingsCredited))
                .append(" credited, ").append(count(bookingsRejected)).append(" rejected\n");
        b.append("Packets: ").append(packetsRendered).append(" rendered\n");
        b.append("Emails: ").append(sent()).append(" sent, ").append(notSent().size()).append(" not sent\n");
        for (Delivery d : notSent()) {
            b.append("  - team ").append(d.teamId()).append(" to ").append(d.recipient()).append(" [")
                    .append(d.purpose()).append("] ").append(d.status()).append(" after ").append(d.attempts())
                    .append(" attempt(s): ").append(d.lastError() == null ? "" : d.lastError()).append('\n');
        }
        retention.ifPresent(r -> b.append("Retention: ").append(r).append('\n'));
        if (!"COMPLETED".equals(status) && held.isEmpty()) {
            b.append("\nFix the cause and run the same command again: completed steps and sent emails are not redone.\n");
        }
        return b.toString();
    }

    private static String count(long n) {
        return n < 0 ? "n/a" : Long.toString(n);
    }
}
