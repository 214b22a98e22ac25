package com.salesops.packets.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A throw-away database on the local MariaDB server (127.0.0.1:3306, root, no password, or
 * PACKETS_TEST_DB_URL/USER/PASSWORD). The test command (bin/test) makes sure the server runs;
 * when it cannot be reached the test fails — database tests never skip silently.
 */
public final class MariaDb implements AutoCloseable {

    private static final String SERVER = env("PACKETS_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = env("PACKETS_TEST_DB_USER", "root");
    private static final String PASSWORD = env("PACKETS_TEST_DB_PASSWORD", "");

    private final String name;

    private MariaDb(String name) {
        this.name = name;
    }

    /** Creates a new, empty database with a random name. */
    public static MariaDb create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is not reachable at " + SERVER + " as " + USER
                    + " — run the tests with bin/test, which starts it (" + e.getMessage() + ")", e);
        }
        return new MariaDb(name);
    }

    /** Creates a new database with the app tables, migrated as the job migrates a MySQL/MariaDB app database. */
    public static MariaDb createWithAppTables(String prefix) {
        MariaDb db = create(prefix);
        Flyway.configure().dataSource(db.dataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/mysql").load().migrate();
        return db;
    }

    public String name() {
        return name;
    }

    public String url() {
        return SERVER + name + "?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public DataSource dataSource() {
        return new DriverManagerDataSource(url(), USER, PASSWORD);
    }

    /** Runs a SQL script from the classpath (statements end with ';' at the end of a line). */
    public void runScript(String classpathResource) {
        try (InputStream in = MariaDb.class.getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + classpathResource);
            }
            runSql(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void runSql(String script) {
        try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD); Statement s = c.createStatement()) {
            for (String statement : Sql.statements(script)) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + name, e);
        }
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
