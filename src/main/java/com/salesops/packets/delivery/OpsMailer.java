package com.salesops.packets.delivery;

import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails the run summary to sales ops ({@code packets.mail.ops-to}) at the end of every run
 * execution, completed or failed. Never throws: a summary that cannot be sent is logged, and the
 * run's outcome stays what it was.
 */
public final class OpsMailer {

    private static final Logger log = LoggerFactory.getLogger(OpsMailer.class);

    private final PacketMailer mailer;
    private final MailSettings settings;

    public OpsMailer(PacketMailer mailer, MailSettings settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    /** Sends the report (retrying temporary failures); returns whether it went out. */
    public boolean sendQuietly(RunReport report, Path outbox) {
        if (settings.opsTo() == null || settings.opsTo().isBlank()) {
            log.info("{}: no packets.mail.ops-to configured; run summary email not sent", report.runKey());
            return false;
        }
        String messageId = mailer.messageId(report.runKey(), "ops", settings.opsTo(), "SUMMARY-" + report.executionId());
        Duration backoff = settings.retryBackoff();
        try (MailChannel channel = mailer.open(outbox)) {
            for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                try {
                    channel.send(mailer.buildOps(report.subject(), report.text(), messageId),
                            "ops-summary-" + report.runKey() + "-" + report.executionId());
                    log.info("{}: run summary email ({}) sent to {} via {}", report.runKey(), report.status(),
                            settings.opsTo(), channel.describe());
                    return true;
                } catch (Exception e) {
                    boolean permanent = SendFailures.isPermanent(e);
                    log.warn("{}: run summary email to {} failed (attempt {}, {}): {}", report.runKey(),
                            settings.opsTo(), attempt, permanent ? "permanent" : "temporary", e.getMessage());
                    if (permanent) {
                        return false;
                    }
                    if (attempt < settings.maxAttempts()) {
                        Thread.sleep(backoff.toMillis());
                        backoff = backoff.multipliedBy(2);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("{}: run summary email not sent: {}", report.runKey(), e.toString());
        }
        log.warn("{}: run summary email to {} not sent", report.runKey(), settings.opsTo());
        return false;
    }
}
