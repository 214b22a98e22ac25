package com.salesops.packets.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * One INSERT statement fed row by row: executes its batch and commits every {@code batchSize} rows,
 * so no more than one batch is ever held in memory.
 */
final class BatchInserter implements AutoCloseable {

    static final int BATCH_SIZE = 1_000;

    private final Connection connection;
    private final PreparedStatement statement;
    private final int batchSize;
    private int pending;
    private int written;

    BatchInserter(Connection connection, String sql, int batchSize) throws SQLException {
        this.connection = connection;
        this.statement = connection.prepareStatement(sql);
        this.batchSize = batchSize;
    }

    BatchInserter(Connection connection, String sql) throws SQLException {
        this(connection, sql, BATCH_SIZE);
    }

    /** Adds one row; values are bound in order, {@code null} as SQL NULL. */
    void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
        statement.addBatch();
        written++;
        if (++pending == batchSize) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    /** Rows added so far. */
    int written() {
        return written;
    }

    /** Flushes what is pending, then closes the statement. */
    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
