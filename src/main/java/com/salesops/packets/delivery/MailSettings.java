package com.salesops.packets.delivery;

import java.time.Duration;
import java.util.List;

/** The {@code packets.mail.*} values delivery needs. Empty strings mean "not set". */
public record MailSettings(String from, String replyTo, List<String> cc, String opsTo, String redirectAllTo,
                           long maxMessageBytes, int maxAttempts, Duration retryBackoff) {

    public MailSettings {
        cc = cc == null ? List.of() : cc.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    public boolean redirecting() {
        return redirectAllTo != null && !redirectAllTo.isBlank();
    }
}
