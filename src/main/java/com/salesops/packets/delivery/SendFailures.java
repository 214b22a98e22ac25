package com.salesops.packets.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mail.MailSendException;

/**
 * Classifies a failed send: permanent (an SMTP 5xx reply, an address that does not parse) or worth
 * retrying (a 4xx reply, connection refused or reset, a timeout). Anything unrecognised is treated
 * as temporary: retries are bounded by {@code packets.mail.max-attempts}, a lost email is not.
 */
public final class SendFailures {

    /** An SMTP reply at the start of a message ("550 5.1.1 no such user") or after "response:" (bad greeting). */
    private static final Pattern SMTP_REPLY = Pattern.compile("(?:^\\s*|response:\\s*)([45])\\d\\d(?:[ -]|$)");

    private SendFailures() {
    }

    public static boolean isPermanent(Throwable error) {
        return classify(error, 0);
    }

    private static boolean classify(Throwable error, int depth) {
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof AddressException) {
                return true;
            }
            Integer code = replyCode(t);
            if (code != null && code >= 400) {
                return code >= 500;
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof SocketException) {
                return false;
            }
            if (t instanceof MailSendException m && !m.getFailedMessages().isEmpty()) {
                return m.getFailedMessages().values().stream().allMatch(e -> classify(e, 1));
            }
            if (t instanceof MessagingException m && m.getNextException() != null
                    && m.getNextException() != t.getCause()) {
                return classify(m.getNextException(), depth + 1);
            }
        }
        return false;
    }

    /**
     * The reply class (400 or 500) an exception carries. Angus's SMTP exceptions (a runtime-only
     * dependency) hold the server's reply as their message, so the message is what is read.
     */
    private static Integer replyCode(Throwable t) {
        Matcher reply = t.getMessage() == null ? null : SMTP_REPLY.matcher(t.getMessage());
        return reply != null && reply.find() ? Integer.valueOf(reply.group(1)) * 100 : null;
    }

    public static String describe(Throwable error) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = error; t != null && b.length() < 1500; t = t.getCause()) {
            if (!b.isEmpty()) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return b.toString();
    }
}
