package com.salesops.packets.credit;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import com.salesops.packets.support.BlockInputStream;
import com.salesops.packets.support.Utf8Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes rows with MySQL's {@code LOAD DATA LOCAL INFILE} from an in-memory stream: on MariaDB and
 * MySQL about 1.5 times as fast as batched multi-row INSERTs (measured in BENCHMARKS.md). Joins the
 * caller's transaction like any other statement.
 *
 * <p>Loading local data is switched on for the one statement only, with the stream this class
 * supplies, and off again straight after: the driver never reads a file the server names. When
 * the server refuses local data ({@code local_infile=OFF}, the MySQL 8 default) {@link #load}
 * returns false and the caller inserts instead.
 */
final class BulkLoad {

    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

    private final DataSource dataSource;
    private volatile boolean refused;

    private BulkLoad(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A bulk loader when the app database is MySQL or MariaDB through Connector/J, else null. */
    static BulkLoad forDataSource(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isWrapperFor(JdbcConnection.class) ? new BulkLoad(dataSource) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Loads {@code rows} (values in {@code columns} order: String, BigDecimal, Integer/Long,
     * Boolean, LocalDate or null) into {@code table}.
     *
     * @return false if the server does not allow local data (nothing was written)
     */
    boolean load(String table, String columns, List<Object[]> rows) throws SQLException {
        if (refused) {
            return false;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            RuntimeProperty<Boolean> allow = connection.unwrap(JdbcConnection.class).getPropertySet()
                    .getBooleanProperty(PropertyKey.allowLoadLocalInfile);
            boolean before = allow.getValue();
            allow.setValue(true);
            try {
                statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new Tsv(rows));
                statement.execute("LOAD DATA LOCAL INFILE 'credit-rows.tsv' INTO TABLE " + table
                        + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
                        + " LINES TERMINATED BY '\\n' (" + columns + ")");
                if (statement.getWarnings() != null) {
                    throw new SQLException("LOAD DATA into " + table + " warned: " + statement.getWarnings().getMessage());
                }
                return true;
            } catch (SQLException e) {
                if (isRefusal(e)) {
                    refused = true;
                    log.warn("The app database does not allow LOAD DATA LOCAL ({}); credit rows are inserted "
                            + "in batches instead (slower; see BENCHMARKS.md)", e.getMessage());
                    return false;
                }
                throw e;
            } finally {
                allow.setValue(before);
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static boolean isRefusal(SQLException e) {
        // 1148 ER_NOT_ALLOWED_COMMAND, 3948 ER_CLIENT_LOCAL_FILES_DISABLED, 4166 (MariaDB) local_infile off
        int code = e.getErrorCode();
        return code == 1148 || code == 3948 || code == 4166;
    }

    /**
     * The text LOAD DATA reads: tab-separated rows in its default escaping (\N for NULL; backslash,
     * tab, CR, LF and NUL escaped), encoded to UTF-8 by the project's own writer ({@link Utf8Buffer}; an
     * unpaired surrogate as '?', as the JDK's encoder does), made {@link #PIECE} bytes at a time as the
     * driver reads it. The driver sends each piece as it gets it, so the server inserts the first rows
     * of a chunk while the next are still being made, instead of waiting for the whole chunk's text
     * (docs/performance.md, "The extract step"). Not a StringBuilder and {@code getBytes}: formatting the
     * extract step's ~2.6 M lines into a builder (which turns to two bytes a character at the first
     * "Łódź") and copying it out again was half of the step's own CPU time.
     */
    static final class Tsv extends BlockInputStream {

        /** About what the driver sends as one packet's worth before it asks for more. */
        static final int PIECE = 64 * 1024;
        /** Rows encoded between two looks at the piece's size. */
        private static final int ROWS_AT_A_TIME = 32;

        private final Iterator<Object[]> rows;
        private final Piece piece = new Piece();
        private final Utf8Buffer out = new Utf8Buffer(piece);

        Tsv(List<Object[]> rows) {
            this.rows = rows.iterator();
        }

        /** The next piece: whole rows, at least {@link #PIECE} bytes unless the rows end first. */
        @Override
        protected boolean nextBlock() throws IOException {
            piece.reset();
            while (piece.size() < PIECE && rows.hasNext()) {
                for (int i = 0; i < ROWS_AT_A_TIME && rows.hasNext(); i++) {
                    Object[] row = rows.next();
                    for (int c = 0; c < row.length; c++) {
                        if (c > 0) {
                            out.write('\t');
                        }
                        append(out, row[c]);
                    }
                    out.write('\n');
                }
                out.flush(); // a row ends with '\n': no character is left half-encoded
            }
            serve(piece.bytes(), piece.size());
            return piece.size() > 0;
        }
    }

    /** A byte array stream that lends its array (no copy per piece, no lock per write). */
    private static final class Piece extends OutputStream {

        private byte[] bytes = new byte[Tsv.PIECE + 8 * 1024];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }
    }

    private static void append(Utf8Buffer out, Object value) throws IOException {
        if (value == null) {
            out.write("\\N");
        } else if (value instanceof Boolean b) {
            out.write(b ? '1' : '0');
        } else if (value instanceof LocalDate d) {
            // yyyy-mm-dd without java.sql.Date.toString's calendar arithmetic (a profile hot spot)
            out.write(Integer.toString(d.getYear()));
            out.write('-');
            twoDigits(out, d.getMonthValue());
            out.write('-');
            twoDigits(out, d.getDayOfMonth());
        } else if (value instanceof BigDecimal d) {
            out.write(d.toPlainString());
        } else if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    case '\0' -> out.write("\\0");
                    default -> out.write(c);
                }
            }
        } else {
            // numbers (and java.sql.Date, yyyy-mm-dd, should a caller pass one)
            out.write(String.valueOf(value));
        }
    }

    private static void twoDigits(Utf8Buffer out, int value) throws IOException {
        out.write('0' + value / 10);
        out.write('0' + value % 10);
    }
}
