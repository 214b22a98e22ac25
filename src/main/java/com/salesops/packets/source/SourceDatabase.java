package com.salesops.packets.source;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import com.salesops.packets.support.JdbcStreaming;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The company's database (read only) and the extraction SQL that reads it. Deliberately not a
 * {@code DataSource} bean: the app database stays the only one Spring Boot auto-configures.
 */
public final class SourceDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String sqlLocation;
    private final ResourceLoader resources = new DefaultResourceLoader();
    private final Map<String, String> sqlCache = new ConcurrentHashMap<>();

    public SourceDatabase(String url, String username, String password, String sqlLocation) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setPoolName("source");
        config.setMaximumPoolSize(4);
        config.setReadOnly(false);
        // Start lazily: validate-config and the CLI report a down database with a clear message.
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
        this.sqlLocation = sqlLocation.endsWith("/") ? sqlLocation : sqlLocation + "/";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return dataSource.getJdbcUrl();
    }

    /** The text of an extraction query, e.g. {@code sql("bookings")}. */
    public String sql(String name) {
        return sqlCache.computeIfAbsent(name, n -> {
            Resource r = resources.getResource(sqlLocation + n + ".sql");
            try (InputStream in = r.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read extraction SQL " + r.getDescription()
                        + " (packets.source.sql-location)", e);
            }
        });
    }

    /** A fetch size that streams the result set (see {@link JdbcStreaming}). */
    public int streamingFetchSize() {
        return JdbcStreaming.fetchSize(url());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
