package com.salesops.packets.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Fetch sizes that stream a result set instead of loading it whole. Connector/J loads everything
 * unless the fetch size is Integer.MIN_VALUE (row streaming) or the URL asks for cursor fetch.
 */
public final class JdbcStreaming {

    private JdbcStreaming() {
    }

    public static int fetchSize(String jdbcUrl) {
        if (isMySqlUrl(jdbcUrl) && !jdbcUrl.toLowerCase(Locale.ROOT).contains("usecursorfetch=true")) {
            return Integer.MIN_VALUE;
        }
        return 1_000;
    }

    public static int fetchSize(Connection connection) throws SQLException {
        return fetchSize(connection.getMetaData().getURL());
    }

    /** Whether the connection is to MySQL or MariaDB (by its URL). */
    public static boolean isMySql(Connection connection) throws SQLException {
        return isMySqlUrl(connection.getMetaData().getURL());
    }

    /** Whether a JDBC URL is MySQL's or MariaDB's. */
    public static boolean isMySqlUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    }
}
