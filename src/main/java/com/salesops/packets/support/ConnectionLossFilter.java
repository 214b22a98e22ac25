package com.salesops.packets.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps back the page of pool, Spring Batch and JDBC warnings and stack traces that a lost app
 * database causes, so that the run's log says it once (README "The app database went away"). Once the
 * loss has been seen ({@link ConnectionLoss}: the app database watch's check failed, or an event
 * carrying a connection failure is logged) and the database does not answer now, every WARN and ERROR
 * event is denied except those of the loggers under {@value #OUTCOME} (the watch's one line saying the
 * database is lost and what to do, the command's final line). INFO and below, and everything while the
 * database answers or no run is watched, pass untouched. Installed in logback's context once Spring
 * Boot has configured logging ({@link Installer}).
 */
public final class ConnectionLossFilter extends TurboFilter {

    /** The loggers never kept back: the outcome of the command and the watch's line. */
    public static final String OUTCOME = "com.salesops.packets.outcome";
    private static final int MAX_CAUSES = 32;

    private final ConnectionLoss loss;

    public ConnectionLossFilter(ConnectionLoss loss) {
        this.loss = loss;
        setName("connection-loss");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !loss.watched() || isOutcome(logger)) {
            return FilterReply.NEUTRAL;
        }
        if (isConnectionFailure(t != null ? t : lastThrowable(params))) {
            loss.seen();
        }
        if (!loss.lossSeen()) {
            return FilterReply.NEUTRAL;
        }
        return loss.answersNow() ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    private static boolean isOutcome(Logger logger) {
        String name = logger == null ? "" : logger.getName();
        return name.equals(OUTCOME) || name.startsWith(OUTCOME + ".");
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown ? thrown : null;
    }

    /**
     * Whether the throwable or one of its causes says a database connection failed: a connection
     * exception of JDBC, SQL state class 08 (connection exception; Connector/J's "Communications link
     * failure" is 08S01), or the driver's own communications exception.
     */
    static boolean isConnectionFailure(Throwable thrown) {
        int depth = 0;
        for (Throwable c = thrown; c != null && depth < MAX_CAUSES; c = c.getCause(), depth++) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLRecoverableException || c.getClass().getSimpleName().endsWith("CommunicationsException")) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Adds the app database's filter to logback's context, once (again after a reset of the context). */
    public static void install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(ConnectionLossFilter.class::isInstance)) {
            ConnectionLossFilter filter = new ConnectionLossFilter(ConnectionLoss.appDatabase());
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /** Installs the filter once Spring Boot has configured logging (which resets logback's context). */
    public static final class Installer implements ApplicationListener<ApplicationPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            install();
        }
    }
}
