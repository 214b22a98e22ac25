package com.salesops.packets.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the app database's loss has been seen and whether it answers now: the state
 * {@link ConnectionLossFilter} decides by. Armed while a run is watched (the run's app database
 * watch hands it a probe of that database); unarmed, nothing is lost and the probe never runs.
 * A loss is seen when the watch's check fails or a connection failure is logged; from then on
 * {@link #answersNow} probes the database at most once per {@link #ANSWER_CACHED_FOR} (the answer
 * is cached in between), and the first answer clears the loss. Thread-safe: the flags are volatile,
 * the probe and its cached answer are guarded by this object.
 */
public final class ConnectionLoss {

    /** How long an answer of the probe is trusted before the database is asked again. */
    public static final Duration ANSWER_CACHED_FOR = Duration.ofSeconds(1);
    private static final int PROBE_TIMEOUT_MS = 2_000;
    private static final ConnectionLoss APP_DATABASE = new ConnectionLoss(System::nanoTime);

    private final LongSupplier nanoTime;
    private volatile BooleanSupplier probe;
    private volatile boolean seen;
    // guarded by this
    private boolean probing;
    private boolean answered = true;
    private long answeredAtNanos;
    private boolean asked;

    /** A holder of its own (tests); the running application uses {@link #appDatabase()}. */
    public ConnectionLoss(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The app database's: the one the watch arms and the installed filter reads. */
    public static ConnectionLoss appDatabase() {
        return APP_DATABASE;
    }

    /** Arms it for a watched run: {@code probe} says whether the database answers now (false on any failure). */
    public synchronized void watch(BooleanSupplier probe) {
        this.probe = probe;
        this.seen = false;
        this.asked = false;
        this.answered = true;
    }

    /** The run is no longer watched: nothing is lost any more, the probe is dropped. */
    public synchronized void unwatch() {
        this.probe = null;
        this.seen = false;
        this.asked = false;
        this.answered = true;
    }

    public boolean watched() {
        return probe != null;
    }

    /** The database failed to answer (a failed check, a connection failure in the log); ignored when not watched. */
    public void seen() {
        if (probe != null) {
            seen = true;
        }
    }

    /** Whether a loss was seen and no answer has come since. */
    public boolean lossSeen() {
        return seen;
    }

    /**
     * Whether the database answers now: the cached answer when it is younger than
     * {@link #ANSWER_CACHED_FOR}, else a fresh probe. An answer clears the loss. A call from inside the
     * probe (the driver logging while it connects) gets the cached answer instead of probing again.
     */
    public synchronized boolean answersNow() {
        BooleanSupplier p = probe;
        if (p == null) {
            return true;
        }
        if (probing || (asked && nanoTime.getAsLong() - answeredAtNanos < ANSWER_CACHED_FOR.toNanos())) {
            return answered;
        }
        probing = true;
        try {
            answered = p.getAsBoolean();
        } catch (RuntimeException e) {
            answered = false;
        } finally {
            probing = false;
        }
        answeredAtNanos = nanoTime.getAsLong();
        asked = true;
        if (answered) {
            seen = false;
        }
        return answered;
    }

    /**
     * A probe that opens a connection of its own to {@code url} (connect and read timeouts of 2 s) and
     * closes it again: true when the database answered.
     */
    public static BooleanSupplier jdbcProbe(String url, String username, String password) {
        return () -> {
            Properties p = new Properties();
            if (username != null) {
                p.setProperty("user", username);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            p.setProperty("connectTimeout", Integer.toString(PROBE_TIMEOUT_MS));
            p.setProperty("socketTimeout", Integer.toString(PROBE_TIMEOUT_MS));
            try (Connection c = DriverManager.getConnection(url, p)) {
                return c.isValid(PROBE_TIMEOUT_MS / 1000);
            } catch (SQLException e) {
                return false;
            }
        };
    }

    /**
     * A JDBC URL as it may be printed: without its properties ({@code ?password=...}) and without user
     * information ({@code //user:secret@host}); a {@code password=} left anywhere else is masked.
     */
    public static String printable(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        return jdbcUrl.replaceAll("\\?.*", "")
                .replaceAll("//[^/@]*@", "//")
                .replaceAll("(?i)(password=)[^)&;,/]*", "$1***");
    }
}
