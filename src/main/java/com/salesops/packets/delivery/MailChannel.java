package com.salesops.packets.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/**
 * Where built messages go: one SMTP connection reused for every message of a step, or the outbox
 * folder. Opened once per step (or resend) and closed at its end.
 */
public interface MailChannel extends AutoCloseable {

    /** Sends one message; {@code name} names its {@code .eml} file in outbox mode. Throws on failure. */
    void send(MimeMessage message, String name) throws MessagingException, IOException;

    /** For the log: "SMTP host:port" or "outbox /path". */
    String describe();

    @Override
    void close();
}
