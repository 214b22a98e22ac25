package com.salesops.packets.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code packets.app-database.*}: how long a run keeps going while its app database does not
 * answer (README "The app database went away"). Validated at start-up.
 *
 * @param lostAfter a run whose app database has not answered for this long stops at once (exit 1)
 */
@Validated
@ConfigurationProperties("packets.app-database")
public record AppDatabaseProperties(@DefaultValue("15s") @NotNull Duration lostAfter) {

    public AppDatabaseProperties {
        if (lostAfter != null && (lostAfter.compareTo(Duration.ofSeconds(3)) < 0
                || lostAfter.compareTo(Duration.ofMinutes(10)) > 0)) {
            throw new IllegalArgumentException("packets.app-database.lost-after must be between 3s and 10m, was "
                    + lostAfter);
        }
    }
}
