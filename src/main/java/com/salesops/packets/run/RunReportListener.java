package com.salesops.packets.run;

import com.salesops.packets.delivery.Delivery;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.DeliveryPurpose;
import com.salesops.packets.delivery.OpsMailer;
import com.salesops.packets.delivery.RunReport;
import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.GateResult;
import com.salesops.packets.packet.PacketStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * At the end of every run execution, emails sales ops the run summary; when the run failed, also
 * writes {@code run-summary.json} (the summary step did not get to) with the failing step and error.
 * Never throws: whatever goes wrong here is logged and the run's outcome stays as it was.
 */
final class RunReportListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunReportListener.class);

    private final PacketStore packets;
    private final DeliveryLedger ledger;
    private final OpsMailer ops;
    private final WriteSummaryTasklet summary;
    private final DeliveryGate gate;
    private final Path outputDir;

    RunReportListener(PacketStore packets, DeliveryLedger ledger, OpsMailer ops, WriteSummaryTasklet summary,
                      DeliveryGate gate, Path outputDir) {
        this.packets = packets;
        this.ledger = ledger;
        this.ops = ops;
        this.summary = summary;
        this.gate = gate;
        this.outputDir = outputDir;
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            report(execution);
        } catch (Exception | LinkageError e) {
            log.warn("run report of execution {} not completed: {}", execution.getId(), e.toString());
        }
    }

    private void report(JobExecution execution) throws Exception {
        String runKey = Params.runKey(execution);
        DeliveryPurpose purpose = Params.deliveryPurpose(execution.getJobParameters());
        BatchStatus status = execution.getStatus();
        Optional<StepExecution> failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isUnsuccessful()).findFirst();
        Optional<String> error = failedStep.flatMap(s -> s.getFailureExceptions().stream().findFirst())
                .or(() -> execution.getAllFailureExceptions().stream().findFirst())
                .map(e -> String.valueOf(e.getMessage()));
        Optional<GateResult> held = status == BatchStatus.FAILED
                ? gate.forExecution(execution.getId()).filter(GateResult::held) : Optional.empty();
        List<String> heldLines = new ArrayList<>();
        held.ifPresent(g -> {
            heldLines.addAll(g.reasons());
            heldLines.add("Figures: " + g.figuresLine());
        });
        String shownStatus = held.isPresent() ? "HELD" : status.name();
        if (status != BatchStatus.COMPLETED) {
            try {
                summary.write(execution, runKey, shownStatus,
                        failedStep.map(StepExecution::getStepName).orElse("(job)") + ": " + error.orElse(""));
            } catch (Exception e) {
                log.warn("{}: run-summary.json not written for the failed run: {}", runKey, e.toString());
            }
        }
        ExecutionContext counts = summary.latestInvariant(execution);
        List<Delivery> deliveries = ledger.all(runKey, purpose);
        LocalDateTime start = execution.getStartTime() == null ? LocalDateTime.now() : execution.getStartTime();
        RunReport report = new RunReport(runKey, execution.getId(), shownStatus,
                Duration.between(start, LocalDateTime.now()),
                counts.getLong(Invariant.BOOKINGS_READ, -1),
                counts.getLong(Invariant.CREDITED, -1),
                counts.getLong(Invariant.REJECTED, -1), packets.rendered(runKey).size(), deliveries,
                failedStep.map(StepExecution::getStepName), error, heldLines,
                Optional.ofNullable(execution.getExecutionContext().getString(PurgeAfterRun.NOTE, null)));
        ops.sendQuietly(report, outputDir.resolve(runKey).resolve("outbox"));
    }
}
