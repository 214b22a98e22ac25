package com.salesops.packets.run;

import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.GateDecision;
import com.salesops.packets.guard.GateResult;
import com.salesops.packets.history.HistoryEntry;
import com.salesops.packets.history.RunHistory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code status} report: the latest executions (or one run key's), each with its steps and
 * counts from the Spring Batch tables, and the run's packets, emails and rejects from the app
 * tables; an execution the delivery gate held shows as HELD with the reasons and the figures.
 * Read-only; plain text for a terminal or a log.
 */
@Component
public class RunStatus {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private record Execution(long id, String runKey, String status, LocalDateTime start, LocalDateTime end,
                             String exitMessage) {
    }

    private final JdbcTemplate jdbc;
    private final RunLock lock;
    private final DeliveryGate gate;
    private final RunHistory history;

    public RunStatus(DataSource app, RunLock lock, DeliveryGate gate, RunHistory history) {
        this.jdbc = new JdbcTemplate(app);
        this.lock = lock;
        this.gate = gate;
        this.history = history;
    }

    /** The report of the last {@code last} executions, or of every execution of {@code runKey}. */
    public String report(int last, Optional<String> runKey) {
        List<Execution> executions = executions(last, runKey);
        StringBuilder out = new StringBuilder();
        if (executions.isEmpty()) {
            return runKey.map(k -> "no executions of " + k + "\n").orElse("no executions yet\n");
        }
        out.append(String.format(Locale.ROOT, "%-22s %6s  %-9s  %-19s  %9s  %-28s  %s%n", "RUN KEY", "EXEC",
                "STATUS", "STARTED", "DURATION", "PACKETS rendered/sent/failed", "REJECTS"));
        for (Execution e : executions) {
            long[] mail = deliveries(e.runKey());
            Optional<GateResult> gated = gate.forExecution(e.id());
            boolean held = gated.filter(GateResult::held).isPresent() && e.status().equals("FAILED");
            out.append(String.format(Locale.ROOT, "%-22s %6d  %-9s  %-19s  %9s  %-28s  %d%n", e.runKey(), e.id(),
                    held ? "HELD" : e.status(), e.start() == null ? "-" : TIME.format(e.start()), duration(e.start(), e.end()),
                    count("SELECT COUNT(*) FROM packet WHERE run_key = ?", e.runKey()) + "/" + mail[0] + "/" + mail[1]
                            + (mail[2] > 0 ? " (" + mail[2] + " pending)" : ""),
                    count("SELECT COUNT(*) FROM booking_reject WHERE run_key = ?", e.runKey())));
            for (String step : steps(e.id())) {
                out.append("    ").append(step).append('\n');
            }
            gated.ifPresent(g -> gateLines(out, e, g));
            if (e.status().equals("COMPLETED")) {
                history.entry(e.runKey()).flatMap(HistoryEntry::purgedAt).ifPresent(at -> out.append("    purged ")
                        .append(TIME.format(LocalDateTime.ofInstant(at, ZoneId.systemDefault())))
                        .append(" by retention: its rows and folder are gone (run it again with --rerun)\n"));
            }
            if (!held && e.status().equals("FAILED") && e.exitMessage() != null && !e.exitMessage().isBlank()) {
                out.append("    why: ").append(e.exitMessage().lines().findFirst().orElse("")).append('\n');
            }
            if (e.status().equals("STARTED") || e.status().equals("STOPPING")) {
                out.append("    ").append(lock.holder(e.runKey())
                        .map(h -> (h.alive(Instant.now()) ? "running: " : "NOT running (process gone; run: recover "
                                + e.id() + "): ") + h.describe())
                        .orElse("no run lock: its process is gone (run: recover " + e.id() + ")")).append('\n');
            }
        }
        return out.toString();
    }

    /** What the delivery gate decided in this execution: reasons, figures, release, and what to do next. */
    private static void gateLines(StringBuilder out, Execution e, GateResult g) {
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
                    if (e.status().equals("FAILED")) {
                        out.append("    nothing sent. To send as it is: release ").append(e.id())
                                .append("; after fixing the source: run the same command again (it recomputes)\n");
                    }
                });
    }

    private List<Execution> executions(int last, Optional<String> runKey) {
        String sql = "SELECT e.JOB_EXECUTION_ID, p.PARAMETER_VALUE, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_MESSAGE "
                + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "AND p.PARAMETER_NAME = '" + Params.RUN_KEY + "' "
                + (runKey.isPresent() ? "WHERE p.PARAMETER_VALUE = ? " : "")
                + "ORDER BY e.JOB_EXECUTION_ID DESC LIMIT " + Math.max(1, last);
        List<Object> args = new ArrayList<>();
        runKey.ifPresent(args::add);
        return jdbc.query(sql, (rs, i) -> new Execution(rs.getLong(1), rs.getString(2), rs.getString(3),
                time(rs.getTimestamp(4)), time(rs.getTimestamp(5)), rs.getString(6)), args.toArray());
    }

    private List<String> steps(long executionId) {
        return jdbc.query("SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, "
                + "READ_SKIP_COUNT + WRITE_SKIP_COUNT + PROCESS_SKIP_COUNT, START_TIME, END_TIME "
                + "FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID",
                (rs, i) -> String.format(Locale.ROOT, "%-22s %-9s  read %7d  written %7d  skipped %5d  %9s",
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        duration(time(rs.getTimestamp(6)), time(rs.getTimestamp(7)))), executionId);
    }

    /** sent, failed (permanently or still retryable), pending. */
    private long[] deliveries(String runKey) {
        long[] counts = new long[3];
        jdbc.query("SELECT status, COUNT(*) FROM delivery WHERE run_key = ? GROUP BY status", rs -> {
            String status = rs.getString(1);
            long n = rs.getLong(2);
            if (status.equals("SENT")) {
                counts[0] += n;
            } else if (status.startsWith("FAILED")) {
                counts[1] += n;
            } else {
                counts[2] += n;
            }
        }, runKey);
        return counts;
    }

    private long count(String sql, String runKey) {
        Long n = jdbc.queryForObject(sql, Long.class, runKey);
        return n == null ? 0 : n;
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
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
