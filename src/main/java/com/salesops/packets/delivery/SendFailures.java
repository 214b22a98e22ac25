package com.salesops.packets.delivery;

import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies a failed send: permanent (5xx, a bad address) or worth retrying (4xx, network trouble). */
public final class SendFailures {

    private static final Pattern SMTP_REPLY = Pattern.compile("^\\s*([45])\\d\\d[ -]");

    private SendFailures() {
    }

    public static boolean isPermanent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AddressException) {
                return true;
            }
            // SMTP replies travel as exception messages ("550 5.1.1 no such user"): 5xx is final.
            Matcher reply = t.getMessage() == null ? null : SMTP_REPLY.matcher(t.getMessage());
            if (reply != null && reply.find()) {
                return reply.group(1).equals("5");
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return false;
            }
            if (t instanceof jakarta.mail.MessagingException m && m.getNextException() != null
                    && m.getNextException() != t.getCause()) {
                return isPermanent(m.getNextException());
            }
        }
        return false;
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
