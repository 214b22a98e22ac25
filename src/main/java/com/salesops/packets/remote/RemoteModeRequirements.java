package com.salesops.packets.remote;

import com.salesops.packets.config.InvalidConfigurationException;
import java.util.Locale;

/**
 * What remote mode cannot work without, checked when the context starts (run, worker and
 * validate-config alike), so a bad setting fails at once, exit 2, naming the key, instead of
 * every worker failing on its own later. The manager and its workers are separate processes,
 * usually on separate hosts: they must share the app database (the job repository, the packets,
 * the claims) and read the same source database. An embedded H2 database ({@code jdbc:h2:file:},
 * {@code jdbc:h2:mem:}, the zero-install default) lives inside one process; only an H2 server
 * ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}) or a database server can be shared.
 */
final class RemoteModeRequirements {

    RemoteModeRequirements(String appDatabaseUrl, String sourceUrl) {
        if (embedded(appDatabaseUrl)) {
            throw new InvalidConfigurationException("packets.render.mode", "is remote, but spring.datasource.url is an "
                    + "embedded H2 database (" + appDatabaseUrl + "), which the worker processes cannot share: point "
                    + "spring.datasource.url at the MySQL/MariaDB app database every worker uses, or set "
                    + "packets.render.mode=local");
        }
        if (embedded(sourceUrl)) {
            throw new InvalidConfigurationException("packets.render.mode", "is remote, but packets.source.url is an "
                    + "embedded H2 database (" + sourceUrl + "), which the worker processes cannot share: point "
                    + "packets.source.url at a source database every worker can reach, or set packets.render.mode=local");
        }
    }

    /** An H2 database opened inside this process rather than reached over the network. */
    static boolean embedded(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.strip().toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }
}
