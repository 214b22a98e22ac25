package com.salesops.packets.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection, opened on the first message and reused for the next ones (a connection per
 * message is slow and looks like a flood to the server). After a failure that may have broken the
 * connection it is closed, and the next send connects again. Host, port, credentials, TLS and
 * timeouts are Spring's {@code spring.mail.*}, through {@link JavaMailSenderImpl#getSession()}.
 */
public final class SmtpChannel implements MailChannel {

    private static final Logger log = LoggerFactory.getLogger(SmtpChannel.class);

    /** Used when {@code spring.mail.properties} sets none: a hung server must not hang the job. */
    static final String CONNECT_TIMEOUT_MS = "10000";
    static final String READ_TIMEOUT_MS = "30000";
    static final String WRITE_TIMEOUT_MS = "30000";

    private final JavaMailSenderImpl sender;
    private Transport transport;
    private int connections;

    public SmtpChannel(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    /**
     * Puts the default timeouts, and sockets without Nagle's delay, into the sender's properties where
     * none are configured (before its Session exists).
     */
    public static void applyTimeoutDefaults(JavaMailSenderImpl sender) {
        Properties p = sender.getJavaMailProperties();
        String protocol = protocol(sender);
        p.putIfAbsent("mail." + protocol + ".connectiontimeout", CONNECT_TIMEOUT_MS);
        p.putIfAbsent("mail." + protocol + ".timeout", READ_TIMEOUT_MS);
        p.putIfAbsent("mail." + protocol + ".writetimeout", WRITE_TIMEOUT_MS);
        if ("smtp".equals(protocol) && !p.containsKey("mail.smtp.socketFactory")
                && !p.containsKey("mail.smtp.socketFactory.class")) {
            // STARTTLS layers over this socket, so TLS connections get TCP_NODELAY too
            p.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        }
    }

    @Override
    public void send(MimeMessage message, String name) throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            connect();
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            // A refused recipient leaves the session usable (the transport resets it); anything else
            // may have broken the connection, so the next message starts a fresh one.
            if (!(e instanceof SendFailedException && SendFailures.isPermanent(e))) {
                closeQuietly();
            }
            throw e;
        }
    }

    private void connect() throws MessagingException {
        closeQuietly();
        Transport t = sender.getSession().getTransport(protocol(sender));
        t.connect(sender.getHost(), sender.getPort(), blankToNull(sender.getUsername()),
                blankToNull(sender.getPassword()));
        transport = t;
        connections++;
        log.debug("SMTP connection {} to {}:{} open", connections, sender.getHost(), sender.getPort());
    }

    /** How many connections this channel opened (1 when nothing went wrong). */
    public int connections() {
        return connections;
    }

    @Override
    public String describe() {
        return "SMTP " + sender.getHost() + ":" + sender.getPort() + ", " + connections + " connection(s)";
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("closing the SMTP connection: {}", e.getMessage());
            }
            transport = null;
        }
    }

    private static String protocol(JavaMailSenderImpl sender) {
        return sender.getProtocol() == null ? "smtp" : sender.getProtocol();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
