package com.salesops.packets.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code run_lock} row of a run key: taken with an INSERT in its own transaction before any
 * Spring Batch call, so of two launches of one key exactly one gets it (the primary key decides,
 * also when both saw "no instance yet"); deleted when the launch ends. While held, a heartbeat
 * thread refreshes {@code heartbeat_at}. A JVM killed with {@code kill -9} leaves its row behind:
 * {@code recover} removes it once {@link Holder#alive} says the holder is gone.
 */
public final class RunLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    /** How often a holder refreshes its row; a row older than {@link #STALE_AFTER} has no live holder. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE_AFTER = Duration.ofSeconds(60);

    /** Who holds a run key. */
    public record Holder(String runKey, Long executionId, String host, long pid, Instant acquiredAt,
                         Instant heartbeatAt) {

        /**
         * On this host: alive while that process exists (a killed JVM is seen at once). On another
         * host: alive while its heartbeat is fresh — we cannot look at its processes.
         */
        public boolean alive(Instant now) {
            boolean fresh = heartbeatAt.plus(STALE_AFTER).isAfter(now);
            if (host.equals(thisHost())) {
                return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && (fresh || pid == thisPid());
            }
            return fresh;
        }

        public String describe() {
            return "pid " + pid + " on " + host + " since " + acquiredAt + ", last heartbeat " + heartbeatAt
                    + (executionId == null ? "" : ", execution " + executionId);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public RunLock(DataSource app, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(app);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ownTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Takes the key for this JVM, or returns who holds it. */
    public Optional<Holder> tryAcquire(String runKey) {
        Timestamp now = Timestamp.from(Instant.now());
        try {
            ownTransaction.executeWithoutResult(tx -> jdbc.update("INSERT INTO run_lock (run_key, execution_id, host, "
                    + "pid, acquired_at, heartbeat_at) VALUES (?, NULL, ?, ?, ?, ?)", runKey, thisHost(), thisPid(), now, now));
            return Optional.empty();
        } catch (DataIntegrityViolationException e) {
            Optional<Holder> holder = holder(runKey);
            // released between our INSERT and this read: try once more
            return holder.isPresent() ? holder : tryAcquire(runKey);
        }
    }

    /** Keeps {@code heartbeat_at} fresh until the returned handle is closed (which deletes the row). */
    public AutoCloseable hold(String runKey) {
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE run_lock SET heartbeat_at = ? "
                        + "WHERE run_key = ? AND host = ? AND pid = ?", Timestamp.from(Instant.now()), runKey, thisHost(),
                        thisPid()));
            } catch (RuntimeException e) {
                log.warn("{}: run lock heartbeat failed: {}", runKey, e.getMessage());
            }
        }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            beat.cancel(false);
            release(runKey);
        };
    }

    /** Records which execution this JVM runs under the key (for status and recover). */
    public void executionStarted(String runKey, long executionId) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE run_lock SET execution_id = ? WHERE run_key = ? "
                + "AND host = ? AND pid = ?", executionId, runKey, thisHost(), thisPid()));
    }

    public Optional<Holder> holder(String runKey) {
        List<Holder> rows = ownTransaction.execute(tx -> jdbc.query("SELECT run_key, execution_id, host, pid, "
                + "acquired_at, heartbeat_at FROM run_lock WHERE run_key = ?", (rs, i) -> new Holder(rs.getString(1),
                rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3), rs.getLong(4),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()), runKey));
        return rows == null || rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Removes a dead holder's row (recover); only that exact row, so a new holder is never removed. */
    public void breakStale(Holder dead) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("DELETE FROM run_lock WHERE run_key = ? AND host = ? "
                + "AND pid = ? AND acquired_at = ?", dead.runKey(), dead.host(), dead.pid(), Timestamp.from(dead.acquiredAt())));
    }

    private void release(String runKey) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("DELETE FROM run_lock WHERE run_key = ? AND host = ? "
                + "AND pid = ?", runKey, thisHost(), thisPid()));
    }

    /** Stops the heartbeat thread with the application context. */
    @Override
    public void close() {
        heartbeats.shutdownNow();
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
    }

    static long thisPid() {
        return ProcessHandle.current().pid();
    }
}
