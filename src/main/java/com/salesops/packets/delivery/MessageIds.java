package com.salesops.packets.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic Message-IDs: the same (run, team, recipient, purpose) always gets the same id. The
 * part after {@code @} is the domain of {@code packets.mail.from} (RFC 5322 wants a domain there).
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** The domain of a From address ({@code Sales Ops <ops@example.com>} → {@code example.com}). */
    public static String domainOf(String from) {
        String address = from == null ? "" : from.strip();
        int open = address.lastIndexOf('<');
        if (open >= 0 && address.endsWith(">")) {
            address = address.substring(open + 1, address.length() - 1);
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).strip();
        // no usable domain in the From address: a reserved name that is still a domain (RFC 2606)
        return domain.matches("[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+") ? domain.toLowerCase(java.util.Locale.ROOT)
                : "attainment-packets.invalid";
    }

    public static String of(String runKey, String teamId, String recipient, String purpose, String domain) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest((runKey + "\n" + teamId + "\n" + recipient + "\n" + purpose)
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + runKey + "." + HexFormat.of().formatHex(h, 0, 12) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
