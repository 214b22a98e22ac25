package com.salesops.packets.run;

import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.GateResult;
import com.salesops.packets.guard.GateSummary;
import com.salesops.packets.outputs.RunSummary;
import com.salesops.packets.outputs.RunSummaryFile;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.source.RunContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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

/**
 * Writes {@code run-summary.json} from the execution's counts and timings (read through the
 * {@link JobRepository}), the delivery gate's decision and figures, and the run's packets and emails.
 */
final class WriteSummaryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteSummaryTasklet.class);

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
        write(current, Params.runKey(current), "COMPLETED", null);
        return RepeatStatus.FINISHED;
    }

    /**
     * Writes the summary. Also called for a failed run (by {@link RunReportListener}), so ops see
     * which emails did not go out; {@code failure} then names the failing step and error.
     */
    Path write(JobExecution current, String runKey, String status, String failure) throws Exception {
        RunContexts.RunContext run = contexts.get(runKey);
        ExecutionContext counts = latestInvariant(current);
        RunSummaryFile.Execution execution = new RunSummaryFile.Execution(current.getId(), status, failure,
                new RunSummary.Bookings(counts.getLong(Invariant.BOOKINGS_READ, -1),
                        counts.getLong(Invariant.CREDITED, -1), counts.getLong(Invariant.REJECTED, -1),
                        counts.getLong(Invariant.LINES, -1)),
                counts.getLong(Invariant.BROKEN, -1), timings(current));
        // the gate's figures for every run that got to it, held or not (a restart after a failed delivery
        // shows the decision of the execution that passed the gate)
        GateSummary gated = gate.latestForInstance(current.getJobInstance().getId()).map(GateResult::summary)
                .orElseGet(GateSummary::notReached);
        RunSummary summary = RunSummaryFile.summary(run.plan(), run.org(), execution, gated,
                packets.rendered(runKey).size(), ledger.all(runKey));
        Path file = RunSummaryFile.write(outputDir.resolve(runKey), summary);
        log.info("{}: summary written to {}", runKey, file);
        return file;
    }

    /** The invariant figures live in the job context of the execution that computed them. */
    ExecutionContext latestInvariant(JobExecution current) {
        return Invariant.latest(jobRepository, current);
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
