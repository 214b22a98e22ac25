package com.salesops.packets.outputs;

import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.delivery.Delivery;
import com.salesops.packets.delivery.DeliveryStatus;
import com.salesops.packets.guard.GateSummary;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Org;
import com.salesops.packets.source.Team;
import com.salesops.packets.support.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@link RunSummary} from what a run did and writes it as {@code run-summary.json}. */
public final class RunSummaryFile {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What the run's execution says: its id, status, failure (null when none), counts and timings. */
    public record Execution(long id, String status, String failure, RunSummary.Bookings bookings,
                            long unbalancedBookings, Map<String, Long> stepTimingsMillis) {
    }

    private RunSummaryFile() {
    }

    public static RunSummary summary(RunPlan plan, Org org, Execution execution, GateSummary gate, long rendered,
                                     List<Delivery> deliveries) {
        RunSummary.Bookings b = execution.bookings();
        boolean everyBooking = b.read() >= 0 && b.read() == b.credited() + b.rejected();
        RunSummary.Invariant invariant = new RunSummary.Invariant(everyBooking, execution.unbalancedBookings(),
                everyBooking && execution.unbalancedBookings() == 0);
        long sent = deliveries.stream().filter(d -> d.status() == DeliveryStatus.SENT).count();
        List<RunSummary.NotSent> notSent = deliveries.stream().filter(d -> d.status() != DeliveryStatus.SENT)
                .map(d -> new RunSummary.NotSent(d.teamId(), d.recipient(), d.purpose().code(), d.status().name(),
                        d.attempts(), d.lastError()))
                .toList();
        List<String> noEmail = new ArrayList<>();
        List<String> unknownManager = new ArrayList<>();
        for (Team t : org.teams().values()) {
            if (t.managerId() == null) {
                continue;
            }
            Employee manager = org.employees().get(t.managerId());
            if (manager == null) {
                unknownManager.add(t.id());
            } else if (!manager.hasEmail()) {
                noEmail.add(t.id() + " (" + manager.id() + ")");
            }
        }
        return new RunSummary(plan.runKey(), execution.status(), execution.failure(), plan.asOf().toString(),
                plan.readStart().toString(), execution.id(), LocalDateTime.now().withNano(0).toString(), b, invariant, gate,
                new RunSummary.Packets(rendered, sent, deliveries.size() - sent), notSent, noEmail, unknownManager,
                execution.stepTimingsMillis());
    }

    /** Writes the summary under {@code <dir>/run-summary.json}, whole or not at all. */
    public static Path write(Path dir, RunSummary summary) throws IOException {
        Path file = dir.resolve("run-summary.json");
        byte[] json = (JSON.writeValueAsString(summary) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, (AtomicFiles.Body) out -> out.write(json));
        return file;
    }
}
