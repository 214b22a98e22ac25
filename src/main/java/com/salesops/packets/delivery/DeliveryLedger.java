package com.salesops.packets.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery ledger (table {@code delivery}, owned here). SMTP is not transactional: this table
 * is what says an email went out, and each row moves PENDING → SENT once. Every update commits on
 * its own (outside the step's transaction), so a failing step never rolls a SENT back, and a crash
 * right after a send leaves at most that one row unconfirmed — and its deterministic Message-ID
 * lets the receiving side collapse a repeat.
 */
public final class DeliveryLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public DeliveryLedger(DataSource app, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(app);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One email a ledger row stands for: its team, its recipient and the Message-ID it goes out with. */
    public record Wanted(String teamId, String recipient, String messageId) {
    }

    /** Adds a PENDING row unless one exists for (run, team, recipient, purpose); returns the row. */
    public Delivery ensure(String runKey, String teamId, String recipient, DeliveryPurpose purpose,
                           String messageId) {
        ensureAll(runKey, purpose, List.of(new Wanted(teamId, recipient, messageId)));
        return find(runKey, teamId, recipient, purpose).orElseThrow();
    }

    /**
     * Adds a PENDING row for each wanted email that has none for (run, team, recipient, purpose), all
     * in one transaction: a run's rows are made with one commit, not one each (a flush of the redo log
     * per commit on a server as installed), and before any of them is sent, as one at a time were.
     * Whether a row exists is asked of the database, so the table's own collation decides it.
     */
    public void ensureAll(String runKey, DeliveryPurpose purpose, Collection<Wanted> wanted) {
        ownTransaction.executeWithoutResult(tx -> {
            Timestamp now = Timestamp.from(Instant.now());
            for (Wanted w : wanted) {
                Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE run_key = ? "
                        + "AND team_id = ? AND recipient = ? AND purpose = ?", Integer.class, runKey, w.teamId(),
                        w.recipient(), purpose.code());
                if (existing == null || existing == 0) {
                    jdbc.update("INSERT INTO delivery (run_key, team_id, recipient, purpose, status, attempts, "
                            + "message_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)", runKey,
                            w.teamId(), w.recipient(), purpose.code(), DeliveryStatus.PENDING.name(), w.messageId(),
                            now, now);
                }
            }
        });
    }

    /**
     * Every row of a run, read in its own transaction: the step's transaction (REPEATABLE READ on
     * MySQL) would keep showing the ledger as it was when the step began.
     */
    public List<Delivery> all(String runKey) {
        return ownTransaction.execute(tx -> jdbc.query("SELECT id, run_key, team_id, recipient, purpose, status, "
                + "attempts, message_id, last_error FROM delivery WHERE run_key = ? ORDER BY team_id, recipient, purpose",
                (rs, i) -> row(rs), runKey));
    }

    /** The rows of one purpose (a run's own emails, or one rerun's). */
    public List<Delivery> all(String runKey, DeliveryPurpose purpose) {
        return all(runKey).stream().filter(d -> d.purpose().equals(purpose)).toList();
    }

    /**
     * Rows of a purpose still to send: neither SENT nor SUPERSEDED. FAILED_PERMANENT rows are
     * included on purpose — a restart is an operator's deliberate act after a fix, so each gets one
     * more try (README, Decisions).
     */
    public List<Delivery> unsent(String runKey, DeliveryPurpose purpose) {
        return all(runKey, purpose).stream().filter(d -> d.status().unsent()).toList();
    }

    /** The row of (run, team, recipient, purpose), if there is one. */
    public Optional<Delivery> find(String runKey, String teamId, String recipient, DeliveryPurpose purpose) {
        return all(runKey).stream().filter(d -> d.teamId().equals(teamId) && d.recipient().equals(recipient)
                && d.purpose().equals(purpose)).findFirst();
    }

    /** The purpose of the next deliberate resend of a team's packet: RESEND-1, RESEND-2, ... */
    public DeliveryPurpose nextResendPurpose(String runKey, String teamId) {
        int max = all(runKey).stream()
                .filter(d -> d.teamId().equals(teamId) && d.purpose().kind() == DeliveryPurpose.Kind.RESEND)
                .mapToInt(d -> d.purpose().number()).max().orElse(0);
        return DeliveryPurpose.resend(max + 1);
    }

    /** Closes an unsent row whose recipient is no longer the team manager's address; says why. */
    public void markSuperseded(long id, String why) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "UPDATE delivery SET status = ?, last_error = ?, updated_at = ? WHERE id = ? AND status <> ?",
                DeliveryStatus.SUPERSEDED.name(), why, Timestamp.from(Instant.now()), id, DeliveryStatus.SENT.name()));
    }

    public void markSent(long id, int attempts) {
        Timestamp now = Timestamp.from(Instant.now());
        ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE delivery SET status = ?, attempts = ?, "
                + "last_error = NULL, updated_at = ?, sent_at = ? WHERE id = ?", DeliveryStatus.SENT.name(), attempts,
                now, now, id));
    }

    public void markFailed(long id, int attempts, boolean permanent, String error) {
        String message = error == null ? "" : error.length() > 2000 ? error.substring(0, 2000) : error;
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "UPDATE delivery SET status = ?, attempts = ?, last_error = ?, updated_at = ? WHERE id = ?",
                (permanent ? DeliveryStatus.FAILED_PERMANENT : DeliveryStatus.FAILED_RETRYABLE).name(), attempts,
                message, Timestamp.from(Instant.now()), id));
    }

    /** Rows of a run by status, for the status report. */
    public Map<DeliveryStatus, Long> countsByStatus(String runKey) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM delivery WHERE run_key = ? GROUP BY status",
                rs -> {
                    counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, runKey);
        return counts;
    }

    private static Delivery row(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("run_key"), rs.getString("team_id"),
                rs.getString("recipient"), DeliveryPurpose.parse(rs.getString("purpose")),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("message_id"),
                rs.getString("last_error"));
    }
}
