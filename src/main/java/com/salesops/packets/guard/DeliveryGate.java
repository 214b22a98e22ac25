package com.salesops.packets.guard;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.history.PreviousRun;
import com.salesops.packets.history.RunHistory;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery gate between rendering and emailing: works out a run's figures (bookings read and
 * rejected; the credited total of the span it shares with its previous run, in both runs), applies
 * {@link DeliveryGateRules} and records the decision per execution; records releases. Owns the
 * {@code delivery_gate} and {@code gate_release} tables.
 */
public final class DeliveryGate {

    private static final Logger log = LoggerFactory.getLogger(DeliveryGate.class);
    private static final String COLUMNS = "job_execution_id, run_key, decision, reasons, bookings_read, "
            + "bookings_rejected, previous_run_key, common_start, common_end, credited, previous_credited, "
            + "min_bookings, max_reject_pct, max_drop_pct, evaluated_at, job_instance_id";

    private final JdbcTemplate jdbc;
    private final CreditStore credits;
    private final RunHistory history;
    private final GuardSettings limits;
    /** A held decision is recorded although the gate step then fails (and rolls its own transaction back). */
    private final TransactionTemplate ownTransaction;

    public DeliveryGate(DataSource app, PlatformTransactionManager transactions, CreditStore credits,
                        RunHistory history, GuardSettings limits) {
        this.jdbc = new JdbcTemplate(app);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.credits = credits;
        this.history = history;
        this.limits = limits;
    }

    /**
     * The figures of a run whose credit lines are computed (the compute step checked read = credited
     * + rejected). {@code credited}: the credited bookings the compute step counted, when known;
     * otherwise they are counted in {@code credit_line} (a scan of the run's lines).
     */
    public GateFigures figures(RunPlan plan, OptionalLong credited) {
        String runKey = plan.runKey();
        long rejected = credits.rejectedCount(runKey);
        long read = (credited.isPresent() ? credited.getAsLong() : credits.creditedCount(runKey)) + rejected;
        Optional<GateFigures.Comparison> comparison = Optional.empty();
        Optional<PreviousRun> previous = history.previous(plan);
        if (previous.isPresent()) {
            Optional<Period> span = previous.get().commonSpan(plan);
            if (span.isPresent()) {
                comparison = Optional.of(new GateFigures.Comparison(previous.get().runKey(), span.get(),
                        credits.primaryCredited(runKey, span.get()),
                        credits.primaryCredited(previous.get().runKey(), span.get())));
            } else {
                log.info("{}: no span in common with the previous run {}: the drop rule does not apply", runKey,
                        previous.get().runKey());
            }
        }
        return new GateFigures(read, rejected, comparison);
    }

    /**
     * Decides for one execution and records it: HELD when a rule is broken and no person released
     * this job instance, RELEASED when one did, PASSED otherwise.
     */
    public GateResult evaluate(RunPlan plan, OptionalLong credited, long jobInstanceId, long jobExecutionId) {
        GateFigures figures = figures(plan, credited);
        List<String> reasons = DeliveryGateRules.reasons(figures, limits);
        Optional<GateResult.Release> release = release(jobInstanceId);
        GateDecision decision = reasons.isEmpty() ? GateDecision.PASSED
                : release.isPresent() ? GateDecision.RELEASED : GateDecision.HELD;
        GateResult result = new GateResult(jobExecutionId, plan.runKey(), decision, reasons, figures, limits,
                Instant.now(), release);
        Optional<GateFigures.Comparison> c = figures.comparison();
        ownTransaction.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM delivery_gate WHERE job_execution_id = ?", jobExecutionId);
            jdbc.update("INSERT INTO delivery_gate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                jobExecutionId, plan.runKey(), decision.name(), String.join("\n", reasons), figures.bookingsRead(),
                figures.bookingsRejected(), c.map(GateFigures.Comparison::previousRunKey).orElse(null),
                c.map(x -> Date.valueOf(x.commonSpan().start())).orElse(null),
                c.map(x -> Date.valueOf(x.commonSpan().end())).orElse(null),
                c.map(GateFigures.Comparison::credited).orElse(null),
                c.map(GateFigures.Comparison::previousCredited).orElse(null), limits.minBookings(),
                limits.maxRejectPct(), limits.maxDropPct(), Timestamp.from(result.evaluatedAt()), jobInstanceId);
        });
        return result;
    }

    /** What the gate decided in this execution, if it got there. */
    public Optional<GateResult> forExecution(long jobExecutionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery_gate WHERE job_execution_id = ?", (rs, i) -> result(rs),
                jobExecutionId).stream().findFirst();
    }

    /** The latest decision for a job instance (a restart after a failed delivery does not pass the gate again). */
    public Optional<GateResult> latestForInstance(long jobInstanceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery_gate WHERE job_instance_id = ? "
                + "ORDER BY job_execution_id DESC", (rs, i) -> result(rs), jobInstanceId).stream().findFirst();
    }

    /** True when this execution was held and nobody released its job instance since. */
    public boolean heldWithoutRelease(long jobExecutionId) {
        return forExecution(jobExecutionId).filter(GateResult::held)
                .filter(r -> release(instanceOf(jobExecutionId)).isEmpty()).isPresent();
    }

    /** Records that {@code who} let the held execution's packets go out as they are. */
    public void release(long jobInstanceId, String runKey, long heldExecutionId, String who) {
        ownTransaction.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM gate_release WHERE job_instance_id = ?", jobInstanceId);
            jdbc.update("INSERT INTO gate_release (job_instance_id, run_key, held_execution_id, released_by, "
                    + "released_at) VALUES (?, ?, ?, ?, ?)", jobInstanceId, runKey, heldExecutionId, who,
                    Timestamp.from(Instant.now()));
        });
    }

    public Optional<GateResult.Release> release(long jobInstanceId) {
        return jdbc.query("SELECT held_execution_id, released_by, released_at FROM gate_release WHERE job_instance_id = ?",
                (rs, i) -> new GateResult.Release(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                jobInstanceId).stream().findFirst();
    }

    private long instanceOf(long jobExecutionId) {
        Long id = jdbc.queryForObject("SELECT job_instance_id FROM delivery_gate WHERE job_execution_id = ?", Long.class,
                jobExecutionId);
        return id == null ? -1 : id;
    }

    private GateResult result(ResultSet rs) throws SQLException {
        Optional<GateFigures.Comparison> comparison = rs.getString(7) == null ? Optional.empty()
                : Optional.of(new GateFigures.Comparison(rs.getString(7),
                        new Period(rs.getDate(8).toLocalDate(), rs.getDate(9).toLocalDate()), money(rs.getBigDecimal(10)),
                        money(rs.getBigDecimal(11))));
        String reasons = rs.getString(4);
        return new GateResult(rs.getLong(1), rs.getString(2), GateDecision.valueOf(rs.getString(3)),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                new GateFigures(rs.getLong(5), rs.getLong(6), comparison),
                new GuardSettings(rs.getLong(12), rs.getBigDecimal(13), rs.getBigDecimal(14)),
                rs.getTimestamp(15).toInstant(), release(rs.getLong(16)));
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
