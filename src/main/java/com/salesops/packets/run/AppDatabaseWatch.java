package com.salesops.packets.run;

import com.salesops.packets.config.AppDatabaseProperties;
import com.salesops.packets.support.ConnectionLoss;
import com.salesops.packets.support.JdbcStreaming;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Ends a run whose app database went away, within seconds and with one message. Without it, every
 * write a failing run still tries (step and job records, the run lock, the summary) waits for a
 * connection in turn and the run takes minutes to give up. While a run key is held, a connection of
 * its own (outside the pool, so a busy pool is never mistaken for a lost database) is checked every
 * {@link #CHECK_EVERY}; once the database has not answered for {@code packets.app-database.lost-after}
 * the process says so and ends with exit 1. The execution stays STARTED, as after {@code kill -9}:
 * nothing could record it, and {@code recover} then the same command continue it (README runbook).
 * Only for a database server (MySQL/MariaDB): an embedded database does not go away on its own.
 */
@Component
public class AppDatabaseWatch implements AutoCloseable {

    private static final Logger outcome = LoggerFactory.getLogger("com.salesops.packets.outcome");
    private static final Logger log = LoggerFactory.getLogger(AppDatabaseWatch.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final int CHECK_TIMEOUT_SECONDS = 3;

    /** What to do once the database is lost: end the process (tests of the decision pass their own). */
    interface Ending {
        void end(int exitCode);
    }

    private final Optional<String> url;
    private final String username;
    private final String password;
    private final Duration lostAfter;
    private final GracefulStop stop;
    private final Ending ending;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "app-database-watch");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    public AppDatabaseWatch(DataSource app, AppDatabaseProperties settings, GracefulStop stop) {
        this(app, settings.lostAfter(), stop, code -> Runtime.getRuntime().halt(code));
    }

    AppDatabaseWatch(DataSource app, Duration lostAfter, GracefulStop stop, Ending ending) {
        HikariDataSource hikari = app instanceof HikariDataSource h ? h : null;
        this.url = Optional.ofNullable(hikari).map(HikariDataSource::getJdbcUrl).filter(JdbcStreaming::isMySqlUrl);
        this.username = hikari == null ? null : hikari.getUsername();
        this.password = hikari == null ? null : hikari.getPassword();
        this.lostAfter = lostAfter;
        this.stop = stop;
        this.ending = ending;
    }

    /** Watches the app database until the returned handle is closed. */
    public AutoCloseable watch(String runKey) {
        if (url.isEmpty()) {
            return () -> { };
        }
        Check check = new Check(runKey);
        // while watched, the log keeps back the warnings a lost database causes (support/ConnectionLossFilter)
        ConnectionLoss.appDatabase().watch(ConnectionLoss.jdbcProbe(url.orElseThrow(), username, password));
        ScheduledFuture<?> task = checks.scheduleWithFixedDelay(check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> {
            task.cancel(false);
            check.closeConnection();
            ConnectionLoss.appDatabase().unwatch();
        };
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }

    /** One watched run: its own connection and when the database last answered. */
    private final class Check implements Runnable {
        private final String runKey;
        private Connection connection;
        private long lastAnswerNanos = System.nanoTime();
        private String lastError = "";

        Check(String runKey) {
            this.runKey = runKey;
        }

        @Override
        public void run() {
            try {
                if (connection == null || !connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                    closeConnection();
                    connection = open();
                }
                lastAnswerNanos = System.nanoTime();
            } catch (SQLException | RuntimeException e) {
                closeConnection();
                ConnectionLoss.appDatabase().seen();
                lastError = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                Duration silent = Duration.ofNanos(System.nanoTime() - lastAnswerNanos);
                log.debug("{}: app database check failed after {} s: {}", runKey, silent.toSeconds(), lastError);
                if (silent.compareTo(lostAfter) >= 0) {
                    lost(silent);
                }
            }
        }

        private Connection open() throws SQLException {
            Properties p = new Properties();
            if (username != null) {
                p.setProperty("user", username);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            p.setProperty("connectTimeout", Integer.toString(CHECK_TIMEOUT_SECONDS * 1000));
            p.setProperty("socketTimeout", Integer.toString(CHECK_TIMEOUT_SECONDS * 1000));
            return DriverManager.getConnection(url.orElseThrow(), p);
        }

        private void lost(Duration silent) {
            String execution = stop.runningExecutionId().map(String::valueOf).orElse("<id from: status>");
            outcome.error("{}: the app database ({}) has not answered for {} s ({}); stopping the run now (exit 1). "
                    + "Execution {} stays STARTED. Start the database again, then: bin/packets status, bin/packets "
                    + "recover {}, and the same command again.", runKey, ConnectionLoss.printable(url.orElseThrow()),
                    silent.toSeconds(), lastError, execution, execution);
            System.out.flush();
            System.err.flush();
            ending.end(ExitCodes.FAILED);
        }

        void closeConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // a broken connection: nothing to close
                }
                connection = null;
            }
        }
    }
}
