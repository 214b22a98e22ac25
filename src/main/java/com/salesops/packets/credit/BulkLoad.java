package com.salesops.packets.credit;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
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
        byte[] data = tsv(rows);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            RuntimeProperty<Boolean> allow = connection.unwrap(JdbcConnection.class).getPropertySet()
                    .getBooleanProperty(PropertyKey.allowLoadLocalInfile);
            boolean before = allow.getValue();
            allow.setValue(true);
            try {
                statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(data));
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
     * Tab-separated rows in LOAD DATA's default escaping: \N for NULL; backslash, tab, CR, LF and NUL
     * escaped; encoded to UTF-8 as they are written (an unpaired surrogate as '?', as the JDK's encoder
     * does). Written byte by byte rather than through a StringBuilder and {@code getBytes}: formatting
     * the extract step's ~2.6 M lines into a builder (which turns to two bytes a character at the first
     * "Łódź") and copying it out again was half of the step's own CPU time (docs/performance.md).
     */
    static byte[] tsv(List<Object[]> rows) {
        Tsv out = new Tsv(rows.size() * 192);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.put('\t');
                }
                out.value(row[i]);
            }
            out.put('\n');
        }
        return out.bytes();
    }

    /** A growing UTF-8 byte buffer with LOAD DATA's value formats. */
    private static final class Tsv {
        private byte[] buf;
        private int len;

        Tsv(int capacity) {
            buf = new byte[Math.max(capacity, 64)];
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, len);
        }

        void put(char ascii) {
            room(1);
            buf[len++] = (byte) ascii;
        }

        void value(Object value) {
            if (value == null) {
                put('\\');
                put('N');
            } else if (value instanceof Boolean b) {
                put(b ? '1' : '0');
            } else if (value instanceof LocalDate d) {
                // yyyy-mm-dd without java.sql.Date.toString's calendar arithmetic (a profile hot spot)
                integer(d.getYear());
                put('-');
                twoDigits(d.getMonthValue());
                put('-');
                twoDigits(d.getDayOfMonth());
            } else if (value instanceof BigDecimal d) {
                text(d.toPlainString(), false);
            } else if (value instanceof String s) {
                text(s, true);
            } else if (value instanceof Integer || value instanceof Long) {
                integer(((Number) value).longValue());
            } else {
                // other numbers (and java.sql.Date, yyyy-mm-dd, should a caller pass one)
                text(String.valueOf(value), false);
            }
        }

        private void twoDigits(int value) {
            room(2);
            buf[len++] = (byte) ('0' + value / 10);
            buf[len++] = (byte) ('0' + value % 10);
        }

        private void integer(long value) {
            if (value < 0) {
                if (value == Long.MIN_VALUE) {
                    text(Long.toString(value), false);
                    return;
                }
                put('-');
                value = -value;
            }
            room(19);
            int digits = 1;
            for (long v = value; v >= 10; v /= 10) {
                digits++;
            }
            for (int i = len + digits - 1; i >= len; i--) {
                buf[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            len += digits;
        }

        private void text(String s, boolean escape) {
            int n = s.length();
            room(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (escape && (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0')) {
                        room(2 + n - i);
                        buf[len++] = '\\';
                        buf[len++] = (byte) (c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '0');
                    } else {
                        buf[len++] = (byte) c;
                    }
                } else {
                    // up to 4 bytes for this character, 1 for each one after it
                    room(4 + n - i);
                    if (c < 0x800) {
                        buf[len++] = (byte) (0xC0 | (c >> 6));
                        buf[len++] = (byte) (0x80 | (c & 0x3F));
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            int cp = Character.toCodePoint(c, s.charAt(++i));
                            buf[len++] = (byte) (0xF0 | (cp >> 18));
                            buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                            buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                            buf[len++] = (byte) (0x80 | (cp & 0x3F));
                        } else {
                            buf[len++] = '?';
                        }
                    } else {
                        buf[len++] = (byte) (0xE0 | (c >> 12));
                        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                        buf[len++] = (byte) (0x80 | (c & 0x3F));
                    }
                }
            }
        }

        private void room(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }
    }
}
