package com.salesops.packets.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery ledger. SMTP is not transactional: this table is what says an email went out, and
 * each row moves PENDING → SENT once. Every update commits on its own (outside the step's
 * transaction), so a failing step never rolls a SENT back, and a crash
 * right after a send leaves at most that one row unconfirmed — and its deterministic Message-ID
 * lets the receiving side collapse a repeat.
 */
public final class DeliveryLedger {

    public static final String RUN = "RUN";
    public static final String RESEND = "RESEND-";
    private static final String SUPERSEDED = "superseded: ";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    public DeliveryLedger(DataSource app, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(app);
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Adds a PENDING row unless one exists for (run, team, recipient, purpose). */
    public void ensure(String runKey, String teamId, String recipient, String purpose, String messageId) {
        ownTransaction.executeWithoutResult(tx -> insertIfAbsent(runKey, teamId, recipient, purpose, messageId));
    }

    private void insertIfAbsent(String runKey, String teamId, String recipient, String purpose, String messageId) {
        Timestamp now = Timestamp.from(Instant.now());
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE run_key = ? AND team_id = ? "
                + "AND recipient = ? AND purpose = ?", Integer.class, runKey, teamId, recipient, purpose);
        if (existing == null || existing == 0) {
            jdbc.update("INSERT INTO delivery (run_key, team_id, recipient, purpose, status, attempts, message_id, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)", runKey, teamId, recipient, purpose,
                    DeliveryStatus.PENDING.name(), messageId, now, now);
        }
    }

    /**
     * Every row of a run, read in its own transaction: the step's transaction (REPEATABLE READ on
     * MySQL) would keep showing the ledger as it was when the step began.
     */
    public List<Delivery> all(String runKey) {
        return ownTransaction.execute(tx -> jdbc.query("SELECT id, run_key, team_id, recipient, purpose, status, attempts, message_id, last_error "
                + "FROM delivery WHERE run_key = ? ORDER BY team_id, recipient, purpose", (rs, i) -> new Delivery(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                DeliveryStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9)), runKey));
    }

    /**
     * Rows still to send: everything not SENT. FAILED_PERMANENT rows are included on purpose — a
     * restart is an operator's deliberate act after a fix, so each gets one more try (README, Decisions).
     */
    public List<Delivery> unsent(String runKey) {
        return all(runKey).stream().filter(d -> d.status() != DeliveryStatus.SENT).toList();
    }

    /** The row of (run, team, recipient, purpose), if there is one. */
    public Optional<Delivery> find(String runKey, String teamId, String recipient, String purpose) {
        return all(runKey).stream().filter(d -> d.teamId().equals(teamId) && d.recipient().equals(recipient)
                && d.purpose().equals(purpose)).findFirst();
    }

    /** The purpose of the next deliberate resend of a team's packet: RESEND-1, RESEND-2, ... */
    public String nextResendPurpose(String runKey, String teamId) {
        int max = all(runKey).stream().filter(d -> d.teamId().equals(teamId) && d.purpose().startsWith(RESEND))
                .mapToInt(d -> Integer.parseInt(d.purpose().substring(RESEND.length()))).max().orElse(0);
        return RESEND + (max + 1);
    }

    /**
     * Closes an unsent row whose recipient is no longer the team manager's address (the address was
     * fixed in the source): it stays FAILED_PERMANENT, says why, and no longer holds the run back.
     */
    public void markSuperseded(long id, String why) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "UPDATE delivery SET status = ?, last_error = ?, updated_at = ? WHERE id = ? AND status <> ?",
                DeliveryStatus.FAILED_PERMANENT.name(), SUPERSEDED + why, Timestamp.from(Instant.now()), id,
                DeliveryStatus.SENT.name()));
    }

    public static boolean superseded(Delivery d) {
        return d.status() != DeliveryStatus.SENT && d.lastError() != null && d.lastError().startsWith(SUPERSEDED);
    }

    public void markSent(long id, int attempts) {
        Timestamp now = Timestamp.from(Instant.now());
        ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE delivery SET status = ?, attempts = ?, last_error = NULL, updated_at = ?, sent_at = ? "
                + "WHERE id = ?", DeliveryStatus.SENT.name(), attempts, now, now, id));
    }

    public void markFailed(long id, int attempts, boolean permanent, String error) {
        String message = error == null ? "" : error.length() > 2000 ? error.substring(0, 2000) : error;
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "UPDATE delivery SET status = ?, attempts = ?, last_error = ?, updated_at = ? WHERE id = ?",
                (permanent ? DeliveryStatus.FAILED_PERMANENT : DeliveryStatus.FAILED_RETRYABLE).name(), attempts,
                message, Timestamp.from(Instant.now()), id));
    }
}
