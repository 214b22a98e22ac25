package com.salesops.packets.delivery;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one ledger row's email through an open channel: a temporary failure (4xx, connection
 * refused or reset, a timeout) is retried with doubling backoff up to
 * {@code packets.mail.max-attempts} times; a permanent one (5xx, a bad address) is not. Every
 * attempt's outcome is committed to the ledger before the next.
 */
public final class PacketSender {

    private static final Logger log = LoggerFactory.getLogger(PacketSender.class);

    private final PacketMailer mailer;
    private final DeliveryLedger ledger;
    private final MailSettings settings;

    public PacketSender(PacketMailer mailer, DeliveryLedger ledger, MailSettings settings) {
        this.mailer = mailer;
        this.ledger = ledger;
        this.settings = settings;
    }

    /** Tries to send; returns the row's final status (SENT, FAILED_RETRYABLE or FAILED_PERMANENT). */
    public DeliveryStatus deliver(Delivery row, PacketEmail email, MailChannel channel) throws InterruptedException {
        int before = row.attempts();
        return Retries.send(settings, n -> {
            MimeMessage message = mailer.build(email, row.messageId(), row.purpose().code());
            channel.send(message, PacketMailer.outboxName(email, row.messageId()));
            ledger.markSent(row.id(), before + n);
        }, (n, e, permanent) -> {
            ledger.markFailed(row.id(), before + n, permanent, SendFailures.describe(e));
            log.warn("{}: email for team {} to {} failed (attempt {}, {}): {}", row.runKey(), row.teamId(),
                    row.recipient(), before + n, permanent ? "permanent" : "temporary", e.getMessage());
        });
    }
}
