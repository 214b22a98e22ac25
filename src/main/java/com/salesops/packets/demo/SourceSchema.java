package com.salesops.packets.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The source schema of docs/architecture.md, "Source data" ({@value #RESOURCE}), for a fresh database: MySQL 8, MariaDB 10.11+
 * or H2 in MySQL mode. Note: {@code month} is a reserved word in H2, so SQL that must also run on H2
 * quotes it with backticks.
 */
public final class SourceSchema {

    public static final String RESOURCE = "db/source/schema.sql";

    private SourceSchema() {
    }

    /** Creates the source tables and indexes in the database of {@code source}. */
    public static void create(DataSource source) {
        try (Connection connection = source.getConnection()) {
            create(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the source schema: " + e.getMessage(), e);
        }
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }

    /** The statements of the script: comment lines dropped, split at a {@code ;} ending a line. */
    public static List<String> statements() {
        StringBuilder script = new StringBuilder();
        for (String line : read().split("\\R")) {
            if (!line.strip().startsWith("--")) {
                script.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : script.toString().split(";\\s*\\n")) {
            String sql = part.strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1).strip();
            }
            if (!sql.isEmpty()) {
                statements.add(sql);
            }
        }
        return statements;
    }

    private static String read() {
        try (InputStream in = SourceSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
