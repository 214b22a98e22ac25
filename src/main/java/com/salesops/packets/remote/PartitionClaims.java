package com.salesops.packets.remote;

import com.salesops.packets.support.RunRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code partition_claim} table: which worker took which render partition (step execution),
 * its heartbeat and how it ended. Times are the database's clock, so the manager and workers on
 * different hosts compare one clock. Every write commits on its own (never inside a step's
 * transaction), so a heartbeat or a claim is visible at once. Rows are per run key, so retention
 * purges a run's claims with its other rows ({@link RunRows}).
 */
@Component
public class PartitionClaims implements RunRows {

    private static final List<String> TABLES = List.of("partition_claim");

    /** A worker's claim on a partition, with the database's time when it was read. */
    public record Claim(long stepExecutionId, String partitionName, String worker, Instant claimedAt,
                        Instant heartbeatAt, Optional<Instant> finishedAt, Optional<String> outcome, Instant now) {

        public boolean finished() {
            return finishedAt.isPresent();
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public PartitionClaims(DataSource app, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(app);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ownTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Claims the partition for {@code worker}; empty when it did, else the claim that was there
     * first (another worker, or this one for an earlier delivery of the same message).
     */
    public Optional<Claim> claim(long stepExecutionId, long jobExecutionId, String runKey, String partitionName,
                                 String worker) {
        try {
            ownTransaction.executeWithoutResult(tx -> jdbc.update("INSERT INTO partition_claim (step_execution_id, "
                    + "job_execution_id, run_key, partition_name, worker, claimed_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, "
                    + "CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3))", stepExecutionId, jobExecutionId, runKey, partitionName,
                    worker));
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            return Optional.of(of(stepExecutionId).orElseThrow(() -> e));
        }
    }

    /** The worker is still rendering the partition. */
    public void heartbeat(long stepExecutionId, String worker) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE partition_claim SET heartbeat_at = CURRENT_TIMESTAMP(3) "
                + "WHERE step_execution_id = ? AND worker = ? AND finished_at IS NULL", stepExecutionId, worker));
    }

    /** The partition's step ended on the worker with {@code outcome} (its batch status). */
    public void finished(long stepExecutionId, String worker, String outcome) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE partition_claim SET heartbeat_at = CURRENT_TIMESTAMP(3), "
                + "finished_at = CURRENT_TIMESTAMP(3), outcome = ? WHERE step_execution_id = ? AND worker = ?", outcome,
                stepExecutionId, worker));
    }

    public Optional<Claim> of(long stepExecutionId) {
        List<Claim> rows = query("WHERE step_execution_id = ?", stepExecutionId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The claims on the partitions of one job execution, by step execution id. */
    public Map<Long, Claim> ofJobExecution(long jobExecutionId) {
        Map<Long, Claim> byStep = new HashMap<>();
        query("WHERE job_execution_id = ?", jobExecutionId).forEach(c -> byStep.put(c.stepExecutionId(), c));
        return byStep;
    }

    /** The database's clock. */
    public Instant now() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP(3)", Timestamp.class).toInstant();
    }

    /**
     * The last sign of life of any worker, for any run: the latest claim, heartbeat or finish.
     * Empty when no worker ever took a partition.
     */
    public Optional<Instant> lastWorkerActivity() {
        Timestamp t = jdbc.queryForObject("SELECT MAX(heartbeat_at) FROM partition_claim", Timestamp.class);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    /** Retention: a run's claims (one per partition a worker took, in every execution of the key) go with its other rows. */
    @Override
    public RunTables runTables() {
        return new RunTables(jdbc, TABLES);
    }

    private List<Claim> query(String where, Object... args) {
        return jdbc.query("SELECT step_execution_id, partition_name, worker, claimed_at, heartbeat_at, finished_at, outcome, "
                + "CURRENT_TIMESTAMP(3) FROM partition_claim " + where, (rs, i) -> new Claim(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                Optional.ofNullable(rs.getTimestamp(6)).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(7)),
                rs.getTimestamp(8).toInstant()), args);
    }
}
