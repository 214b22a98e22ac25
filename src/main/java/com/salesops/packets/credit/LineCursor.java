package com.salesops.packets.credit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A forward-only stream of one run's credit lines in {@link StoredLine#ORDER} (booking id, then employee id,
 * by code point; the original before its reversal), read from an open result set: memory stays
 * at one row whatever the size of the run. Two cursors over two runs merge in one pass. Each row
 * is checked against the order, so a database that sorted otherwise fails loudly instead of
 * giving wrong figures. Close it (it holds a connection).
 */
public final class LineCursor implements Iterator<StoredLine>, AutoCloseable {

    private final String runKey;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private StoredLine next;
    private StoredLine last;

    LineCursor(String runKey, Connection connection, PreparedStatement statement, ResultSet rows) {
        this.runKey = runKey;
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.next = read();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public StoredLine next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        StoredLine current = next;
        next = read();
        return current;
    }

    private StoredLine read() {
        try {
            if (!rows.next()) {
                return null;
            }
            StoredLine line = new StoredLine(CreditStore.line(rows), rows.getString(11));
            if (last != null && StoredLine.ORDER.compare(last.line(), line.line()) >= 0) {
                throw new OutOfOrderException("the credit lines of " + runKey + " came out of order ("
                        + last.line().bookingId() + "/" + last.line().employeeId() + " before "
                        + line.line().bookingId() + "/" + line.line().employeeId()
                        + "): the app database must sort ids by code point");
            }
            last = line;
            return line;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read the credit lines of " + runKey + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The database gave two lines in another order than {@link StoredLine#ORDER}: thrown by
     * {@link #next()} (and when the cursor is opened), before the line out of order is handed on.
     */
    public static final class OutOfOrderException extends IllegalStateException {

        OutOfOrderException(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        try {
            try {
                rows.close();
            } finally {
                try {
                    statement.close();
                } finally {
                    connection.close();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot close the credit lines of " + runKey, e);
        }
    }
}
