package com.salesops.packets.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Throw-away databases for the demo tests: a fresh database on the local MariaDB (never skipped: a
 * missing server fails the test) or an H2 database in MySQL mode.
 */
final class TestDatabases {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String OPTIONS = "?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true";

    private TestDatabases() {
    }

    /** A fresh MariaDB database named {@code ap_demo_test_<random>}; close it to drop it. */
    static MariaDb mariaDb() {
        String name = "ap_demo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new MariaDb(name, dataSource(SERVER + name + OPTIONS));
    }

    /** An in-memory H2 database in MySQL mode, kept until the JVM ends. */
    static DataSource h2InMemory() {
        return dataSource("jdbc:h2:mem:ap_demo_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    /**
     * A file H2 database in MySQL mode under {@code dir}, so rows live on disk, not on the heap;
     * {@code RETENTION_TIME=0} lets H2 reuse file space at once (3x faster bulk inserts).
     */
    static DataSource h2File(Path dir) {
        return dataSource("jdbc:h2:file:" + dir.resolve("source").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;RETENTION_TIME=0");
    }

    record MariaDb(String name, DataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, url.startsWith("jdbc:h2") ? "sa" : "root", "");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at 127.0.0.1:3306 is needed for this test: " + e.getMessage(), e);
        }
    }
}
