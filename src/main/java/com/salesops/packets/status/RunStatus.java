package com.salesops.packets.status;

import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.DeliveryStatus;
import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.GateDecision;
import com.salesops.packets.guard.GateResult;
import com.salesops.packets.history.HistoryEntry;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.remote.PartitionClaims;
import com.salesops.packets.run.Params;
import com.salesops.packets.run.RunInstances;
import com.salesops.packets.run.RunLock;
import com.salesops.packets.run.SalesPerformanceJobConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The {@code status} report: the latest executions (or one run key's), each with its steps and
 * counts from the job repository, and the run's packets, emails and rejects from their owners; an
 * execution the delivery gate held shows as HELD with the reasons and the figures. Read-only; plain text for a terminal or a log.
 */
@Component
public class RunStatus {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Newest instances whose last execution bounds the execution ids the report walks down from. */
    private static final int RECENT_INSTANCES = 200;

    private final JobRepository repository;
    private final PacketStore packets;
    private final CreditStore credits;
    private final DeliveryLedger ledger;
    private final RunLock lock;
    private final DeliveryGate gate;
    private final RunHistory history;
    private final PartitionClaims claims;

    public RunStatus(JobRepository repository, PacketStore packets, CreditStore credits, DeliveryLedger ledger,
                     RunLock lock, DeliveryGate gate, RunHistory history, PartitionClaims claims) {
        this.repository = repository;
        this.gate = gate;
        this.history = history;
        this.packets = packets;
        this.credits = credits;
        this.ledger = ledger;
        this.lock = lock;
        this.claims = claims;
    }

    /** The report of the last {@code last} executions, or of every execution of {@code runKey}. */
    public String report(int last, Optional<String> runKey) {
        List<JobExecution> executions = executions(Math.max(1, last), runKey);
        if (executions.isEmpty()) {
            return runKey.map(k -> "no executions of " + k + "\n").orElse("no executions yet\n");
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %6s  %-9s  %-19s  %9s  %-28s  %s%n", "RUN KEY", "EXEC",
                "STATUS", "STARTED", "DURATION", "PACKETS rendered/sent/failed", "REJECTS"));
        for (JobExecution e : executions) {
            String key = e.getJobParameters().getString(Params.RUN_KEY);
            Map<DeliveryStatus, Long> mail = ledger.countsByStatus(key);
            long sent = mail.getOrDefault(DeliveryStatus.SENT, 0L);
            long pending = mail.getOrDefault(DeliveryStatus.PENDING, 0L);
            long failed = mail.values().stream().mapToLong(Long::longValue).sum() - sent - pending;
            Optional<GateResult> gated = gate.forExecution(e.getId());
            boolean held = gated.filter(GateResult::held).isPresent() && e.getStatus() == BatchStatus.FAILED;
            out.append(String.format(Locale.ROOT, "%-22s %6d  %-9s  %-19s  %9s  %-28s  %d%n", key, e.getId(),
                    held ? "HELD" : e.getStatus(), e.getStartTime() == null ? "-" : TIME.format(e.getStartTime()),
                    duration(e.getStartTime(), e.getEndTime()),
                    packets.rendered(key).size() + "/" + sent + "/" + failed + (pending > 0 ? " (" + pending + " pending)" : ""),
                    credits.rejectedCount(key)));
            Map<Long, PartitionClaims.Claim> workers = claims.ofJobExecution(e.getId());
            e.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId))
                    .forEach(s -> out.append("    ").append(step(s))
                            // a partition rendered remotely names its worker, as <host>:<pid>
                            .append(Optional.ofNullable(workers.get(s.getId())).map(c -> "  worker " + c.worker()).orElse(""))
                            .append('\n'));
            gated.ifPresent(g -> gateLines(out, e, g));
            if (e.getStatus() == BatchStatus.COMPLETED) {
                history.entry(key).flatMap(HistoryEntry::purgedAt).ifPresent(at -> out.append("    purged ")
                        .append(TIME.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault())))
                        .append(" by retention: its rows and folder are gone (run it again with --rerun)\n"));
            }
            String why = e.getExitStatus().getExitDescription();
            if (!held && e.getStatus() == BatchStatus.FAILED && why != null && !why.isBlank()) {
                out.append("    why: ").append(why.lines().findFirst().orElse("")).append('\n');
            }
            if (e.getStatus() == BatchStatus.STARTED || e.getStatus() == BatchStatus.STOPPING) {
                out.append("    ").append(lock.holder(key)
                        .map(h -> (h.alive(Instant.now()) ? "running: " : "NOT running (process gone; run: recover "
                                + e.getId() + "): ") + h.describe())
                        .orElse("no run lock: its process is gone (run: recover " + e.getId() + ")")).append('\n');
            }
        }
        return out.toString();
    }

    /** What the delivery gate decided in this execution: reasons, figures, release, and what to do next. */
    private static void gateLines(StringBuilder out, JobExecution e, GateResult g) {
        if (g.decision() == GateDecision.PASSED) {
            out.append("    gate: passed; ").append(g.figuresLine()).append('\n');
            return;
        }
        for (String reason : g.reasons()) {
            out.append("    held: ").append(reason).append('\n');
        }
        out.append("    gate: ").append(g.figuresLine()).append('\n');
        g.release().ifPresentOrElse(r -> out.append("    released by ").append(r.by()).append(" at ").append(r.at())
                .append(" (held in execution ").append(r.heldExecutionId()).append(")\n"), () -> {
                    if (e.getStatus() == BatchStatus.FAILED) {
                        out.append("    nothing sent. To send as it is: release ").append(e.getId())
                                .append("; after fixing the source: run the same command again (it recomputes)\n");
                    }
                });
    }

    /** Newest first: a key's executions, or the latest {@code last} of any key. */
    private List<JobExecution> executions(int last, Optional<String> runKey) {
        if (runKey.isPresent()) {
            return RunInstances.of(repository, runKey.get()).stream()
                    .flatMap(i -> repository.getJobExecutions(i).stream())
                    .sorted(Comparator.comparing(JobExecution::getId).reversed())
                    .limit(last)
                    .toList();
        }
        // execution ids only grow: walk down from the newest one
        long newest = repository.getJobInstances(SalesPerformanceJobConfiguration.JOB_NAME, 0, RECENT_INSTANCES)
                .stream().map(this::lastExecutionId).filter(Objects::nonNull).mapToLong(Long::longValue).max()
                .orElse(0);
        List<JobExecution> found = new ArrayList<>();
        for (long id = newest; id > 0 && found.size() < last; id--) {
            JobExecution e = repository.getJobExecution(id);
            if (e != null) {
                found.add(e);
            }
        }
        return found;
    }

    private Long lastExecutionId(JobInstance instance) {
        JobExecution e = repository.getLastJobExecution(instance);
        return e == null ? null : e.getId();
    }

    private static String step(StepExecution s) {
        return String.format(Locale.ROOT, "%-22s %-9s  read %7d  written %7d  skipped %5d  %9s", s.getStepName(),
                s.getStatus(), s.getReadCount(), s.getWriteCount(), s.getSkipCount(),
                duration(s.getStartTime(), s.getEndTime()));
    }

    private static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
        String text = d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m"
                : d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s"
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        return end == null ? text + "+" : text;
    }
}
