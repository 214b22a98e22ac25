package com.salesops.packets.delivery;

import java.time.Duration;

/**
 * The one retry loop for emails: up to {@code packets.mail.max-attempts} attempts with doubling
 * backoff; a permanent failure ({@link SendFailures#isPermanent}) is not retried.
 */
final class Retries {

    /** One attempt, numbered from 1; throws when the send failed. */
    @FunctionalInterface
    interface Attempt {
        void run(int attempt) throws Exception;
    }

    /** Told about each failed attempt before the next one. */
    @FunctionalInterface
    interface Failed {
        void after(int attempt, Exception error, boolean permanent);
    }

    private Retries() {
    }

    /** SENT, FAILED_PERMANENT, or FAILED_RETRYABLE when every attempt failed temporarily. */
    static DeliveryStatus send(MailSettings settings, Attempt attempt, Failed failed) throws InterruptedException {
        Duration backoff = settings.retryBackoff();
        for (int n = 1; n <= settings.maxAttempts(); n++) {
            try {
                attempt.run(n);
                return DeliveryStatus.SENT;
            } catch (Exception e) {
                boolean permanent = SendFailures.isPermanent(e);
                failed.after(n, e, permanent);
                if (permanent) {
                    return DeliveryStatus.FAILED_PERMANENT;
                }
                if (n < settings.maxAttempts()) {
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2);
                }
            }
        }
        return DeliveryStatus.FAILED_RETRYABLE;
    }
}
