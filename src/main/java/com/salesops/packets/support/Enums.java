package com.salesops.packets.support;

import java.util.Locale;
import java.util.Optional;

/** Enum values read from the source database: matched ignoring case and surrounding spaces. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> Optional<E> parseLenient(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
