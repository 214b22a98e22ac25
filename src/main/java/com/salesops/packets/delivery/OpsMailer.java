package com.salesops.packets.delivery;

import java.nio.file.Path;
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
        try (MailChannel channel = mailer.open(outbox)) {
            DeliveryStatus status = Retries.send(settings, n -> {
                channel.send(mailer.buildOps(report.subject(), report.text(), messageId),
                        "ops-summary-" + report.runKey() + "-" + report.executionId());
                log.info("{}: run summary email ({}) sent to {} via {}", report.runKey(), report.status(),
                        settings.opsTo(), channel.describe());
            }, (n, e, permanent) -> log.warn("{}: run summary email to {} failed (attempt {}, {}): {}",
                    report.runKey(), settings.opsTo(), n, permanent ? "permanent" : "temporary", e.getMessage()));
            if (status == DeliveryStatus.SENT) {
                return true;
            }
            if (status == DeliveryStatus.FAILED_PERMANENT) {
                return false;
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
