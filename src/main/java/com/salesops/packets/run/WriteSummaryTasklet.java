package com.salesops.packets.run;

import com.salesops.packets.delivery.Delivery;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.DeliveryStatus;
import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.GateResult;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.RenderedPacket;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Team;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code run-summary.json}: counts, the invariant, the delivery gate's decision and figures,
 * packets and emails, and timings per step.
 */
final class WriteSummaryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteSummaryTasklet.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final RunContexts contexts;
    private final PacketStore packets;
    private final DeliveryLedger ledger;
    private final JobRepository jobRepository;
    private final DeliveryGate gate;
    private final Path outputDir;

    WriteSummaryTasklet(RunContexts contexts, PacketStore packets, DeliveryLedger ledger, JobRepository jobRepository,
                        DeliveryGate gate, Path outputDir) {
        this.contexts = contexts;
        this.packets = packets;
        this.ledger = ledger;
        this.jobRepository = jobRepository;
        this.gate = gate;
        this.outputDir = outputDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        JobExecution current = chunk.getStepContext().getStepExecution().getJobExecution();
        write(current, Params.runKey(chunk), "COMPLETED", null);
        return RepeatStatus.FINISHED;
    }

    /**
     * Writes the summary. Also called for a failed run (by {@link RunReportListener}), so ops see
     * which emails did not go out; {@code failure} then names the failing step and error.
     */
    Path write(JobExecution current, String runKey, String status, String failure) throws Exception {
        RunContexts.RunContext run = contexts.get(runKey);
        ExecutionContext ec = latestInvariant(current);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runKey", runKey);
        summary.put("status", status);
        if (failure != null) {
            summary.put("failure", failure);
        }
        summary.put("asOf", run.plan().asOf().toString());
        summary.put("readStart", run.plan().readStart().toString());
        summary.put("jobExecutionId", current.getId());
        summary.put("generatedAt", LocalDateTime.now().withNano(0).toString());
        Map<String, Object> bookings = new LinkedHashMap<>();
        long read = ec.getLong(ComputeAttainmentTasklet.BOOKINGS_READ, -1);
        long credited = ec.getLong(ComputeAttainmentTasklet.CREDITED, -1);
        long rejected = ec.getLong(ComputeAttainmentTasklet.REJECTED, -1);
        bookings.put("read", read);
        bookings.put("credited", credited);
        bookings.put("rejected", rejected);
        bookings.put("creditLines", ec.getLong(ComputeAttainmentTasklet.LINES, -1));
        summary.put("bookings", bookings);
        Map<String, Object> invariant = new LinkedHashMap<>();
        invariant.put("everyBookingCreditedOrRejected", read >= 0 && read == credited + rejected);
        invariant.put("bookingsWithUnbalancedPrimaryLines", ec.getLong(ComputeAttainmentTasklet.BROKEN, -1));
        invariant.put("holds", read >= 0 && read == credited + rejected && ec.getLong(ComputeAttainmentTasklet.BROKEN, -1) == 0);
        summary.put("invariant", invariant);
        // the gate's figures for every run that got to it, held or not (a restart after a failed delivery
        // shows the decision of the execution that passed the gate)
        summary.put("gate", gate.latestForInstance(current.getJobInstance().getId()).map(GateResult::summary)
                .orElseGet(() -> Map.of("decision", "NOT_REACHED")));

        List<RenderedPacket> rendered = packets.rendered(runKey);
        List<Delivery> deliveries = ledger.all(runKey);
        Map<String, Object> packetCounts = new LinkedHashMap<>();
        packetCounts.put("rendered", rendered.size());
        packetCounts.put("sent", deliveries.stream().filter(d -> d.status() == DeliveryStatus.SENT).count());
        packetCounts.put("failed", deliveries.stream().filter(d -> d.status() != DeliveryStatus.SENT).count());
        summary.put("packets", packetCounts);
        List<Map<String, Object>> notSent = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (d.status() != DeliveryStatus.SENT) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("teamId", d.teamId());
                row.put("recipient", d.recipient());
                row.put("purpose", d.purpose());
                row.put("status", d.status().name());
                row.put("attempts", d.attempts());
                row.put("lastError", d.lastError());
                notSent.add(row);
            }
        }
        summary.put("emailsNotSent", notSent);
        List<String> noEmail = new ArrayList<>();
        List<String> unknownManager = new ArrayList<>();
        for (Team t : run.org().teams().values()) {
            if (t.managerId() == null) {
                continue;
            }
            Employee manager = run.org().employees().get(t.managerId());
            if (manager == null) {
                unknownManager.add(t.id());
            } else if (!manager.hasEmail()) {
                noEmail.add(t.id() + " (" + manager.id() + ")");
            }
        }
        summary.put("managersWithoutEmail", noEmail);
        summary.put("teamsWithUnknownManager", unknownManager);
        summary.put("stepTimingsMillis", timings(current));

        Path file = outputDir.resolve(runKey).resolve("run-summary.json");
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("run-summary.json.part");
        Files.writeString(temp, JSON.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("{}: summary written to {}", runKey, file);
        return file;
    }

    /** The invariant figures live in the job context of the execution that computed them. */
    ExecutionContext latestInvariant(JobExecution current) {
        if (current.getExecutionContext().containsKey(ComputeAttainmentTasklet.BOOKINGS_READ)) {
            return current.getExecutionContext();
        }
        for (JobExecution e : jobRepository.getJobExecutions(current.getJobInstance())) {
            if (e.getExecutionContext().containsKey(ComputeAttainmentTasklet.BOOKINGS_READ)) {
                return e.getExecutionContext();
            }
        }
        return new ExecutionContext();
    }

    /** Per step, the time of its completed execution (earlier executions of a restarted run included). */
    private Map<String, Long> timings(JobExecution current) {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (JobExecution e : jobRepository.getJobExecutions(current.getJobInstance())) {
            for (StepExecution s : e.getStepExecutions()) {
                if (s.getExecutionContext().containsKey(StepTimer.MILLIS)) {
                    millis.merge(s.getStepName(), s.getExecutionContext().getLong(StepTimer.MILLIS), Long::sum);
                } else if (s.getStartTime() != null && s.getEndTime() != null) {
                    millis.merge(s.getStepName(), Duration.between(s.getStartTime(), s.getEndTime()).toMillis(), Long::sum);
                }
            }
        }
        return millis;
    }
}
