package com.salesops.packets.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic Message-IDs: the same (run, team, recipient, purpose) always gets the same id. */
public final class MessageIds {

    private MessageIds() {
    }

    public static String of(String runKey, String teamId, String recipient, String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest((runKey + "\n" + teamId + "\n" + recipient + "\n" + purpose)
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + runKey + "." + HexFormat.of().formatHex(h, 0, 12) + "@attainment-packets>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
