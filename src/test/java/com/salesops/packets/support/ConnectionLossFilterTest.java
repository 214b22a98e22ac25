package com.salesops.packets.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What the filter keeps back: WARN and ERROR events once the app database's loss has been seen and it
 * does not answer now, never the outcome loggers, never anything while the database answers or no run
 * is watched; and it asks the database at most once a second, whatever the number of events.
 */
class ConnectionLossFilterTest {

    private static final LoggerContext LOGGING = new LoggerContext();
    private static final Logger BATCH = LOGGING.getLogger("org.springframework.batch.core.step.AbstractStep");
    private static final Logger POOL = LOGGING.getLogger("com.zaxxer.hikari.pool.HikariPool");
    private static final Logger OUTCOME = LOGGING.getLogger("com.salesops.packets.outcome");
    private static final Logger JOB = LOGGING.getLogger("com.salesops.packets.run.RunLock");

    /** Connector/J's lost connection as Spring hands it on: a data access exception caused by SQL state 08S01. */
    private static final RuntimeException LINK_FAILURE = new RuntimeException("PreparedStatementCallback; Communications link failure",
            new SQLException("Communications link failure", "08S01"));

    private final AtomicLong now = new AtomicLong();
    private final AtomicBoolean answers = new AtomicBoolean(false);
    private final AtomicInteger probes = new AtomicInteger();
    private final ConnectionLoss loss = new ConnectionLoss(now::get);
    private final ConnectionLossFilter filter = new ConnectionLossFilter(loss);

    private void watchedDatabase() {
        loss.watch(() -> {
            probes.incrementAndGet();
            return answers.get();
        });
    }

    private FilterReply log(Logger logger, Level level, String message, Throwable thrown) {
        return filter.decide(null, logger, level, message, null, thrown);
    }

    @Test
    void aConnectionFailureWhileTheDatabaseIsDownKeepsBackItselfAndEveryLaterWarningAndError() {
        // given: a watched run whose app database does not answer
        watchedDatabase();

        // when: Spring Batch logs the lost connection, then the run lock's heartbeat fails (no throwable)
        FilterReply first = log(BATCH, Level.ERROR, "JobRepository failure forcing rollback", LINK_FAILURE);
        FilterReply heartbeat = filter.decide(null, JOB, Level.WARN, "{}: run lock heartbeat failed: {}",
                new Object[] {"nightly-2026-11-26", "Could not open JDBC Connection for transaction"}, null);
        FilterReply pool = log(POOL, Level.ERROR, "HikariPool-1 - Connection is not available",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));

        // then
        assertThat(first).isEqualTo(FilterReply.DENY);
        assertThat(heartbeat).isEqualTo(FilterReply.DENY);
        assertThat(pool).isEqualTo(FilterReply.DENY);
    }

    @Test
    void aConnectionFailureInTheLastArgumentCountsLikeAThrownOne() {
        // given
        watchedDatabase();

        // when: log.error("step {} failed", step, e) hands the exception over as the last argument
        FilterReply reply = filter.decide(null, BATCH, Level.ERROR, "step {} failed",
                new Object[] {"renderPacketsStep", LINK_FAILURE}, null);

        // then
        assertThat(reply).isEqualTo(FilterReply.DENY);
        assertThat(loss.lossSeen()).isTrue();
    }

    @Test
    void theOutcomeLoggersAreNeverKeptBackSoTheWatchsLineAndTheFinalLineAreLogged() {
        // given: a loss seen, the database down
        watchedDatabase();
        log(BATCH, Level.ERROR, "JobRepository failure forcing rollback", LINK_FAILURE);

        // when
        FilterReply watchLine = log(OUTCOME, Level.ERROR, "the app database has not answered for 15 s", null);
        FilterReply below = log(LOGGING.getLogger("com.salesops.packets.outcome.run"), Level.WARN, "failed", null);

        // then
        assertThat(watchLine).isEqualTo(FilterReply.NEUTRAL);
        assertThat(below).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void infoAndBelowAreNeverKeptBackNorDoTheyAskTheDatabase() {
        // given: a loss seen by the watch, the database down
        watchedDatabase();
        loss.seen();

        // when
        FilterReply info = log(JOB, Level.INFO, "step renderPacketsStep UNKNOWN", null);
        FilterReply debug = log(POOL, Level.DEBUG, "HikariPool-1 - Add connection elided", LINK_FAILURE);

        // then
        assertThat(info).isEqualTo(FilterReply.NEUTRAL);
        assertThat(debug).isEqualTo(FilterReply.NEUTRAL);
        assertThat(probes).hasValue(0);
    }

    @Test
    void aLossSeenByTheWatchKeepsBackWarningsThatCarryNoConnectionFailure() {
        // given: the watch's check failed
        watchedDatabase();
        loss.seen();

        // when
        FilterReply reply = log(JOB, Level.WARN, "run lock heartbeat failed", null);

        // then
        assertThat(reply).isEqualTo(FilterReply.DENY);
    }

    @Test
    void whenTheDatabaseAnswersAgainNothingIsKeptBackAndTheLossIsForgotten() {
        // given: a loss seen and kept back while the database was down
        watchedDatabase();
        assertThat(log(BATCH, Level.ERROR, "JobRepository failure forcing rollback", LINK_FAILURE)).isEqualTo(FilterReply.DENY);

        // when: it answers again, and the cached "down" is older than a second
        answers.set(true);
        now.addAndGet(ConnectionLoss.ANSWER_CACHED_FOR.toNanos());
        FilterReply reply = log(JOB, Level.WARN, "a warning of the run", null);
        int probesAfterTheAnswer = probes.get();
        FilterReply later = log(JOB, Level.WARN, "another warning", null);

        // then: logged; the loss is forgotten, so the next warning does not even ask
        assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
        assertThat(later).isEqualTo(FilterReply.NEUTRAL);
        assertThat(loss.lossSeen()).isFalse();
        assertThat(probes).hasValue(probesAfterTheAnswer);
    }

    @Test
    void aConnectionFailureWhileTheAppDatabaseAnswersIsLoggedAsTheSourceDatabaseDroppingIs() {
        // given: the app database answers
        watchedDatabase();
        answers.set(true);

        // when: another database's connection fails
        FilterReply reply = log(BATCH, Level.ERROR, "Encountered an error executing step extractCreditsStep", LINK_FAILURE);

        // then
        assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void withoutAWatchedRunNothingIsKeptBackAndNothingIsAsked() {
        // given: no run watched (any other command, or an embedded app database), or a watch that ended
        watchedDatabase();
        loss.unwatch();

        // when: the database is down and says so
        loss.seen();
        FilterReply reply = log(BATCH, Level.ERROR, "Application run failed", LINK_FAILURE);

        // then
        assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
        assertThat(probes).hasValue(0);
    }

    @Test
    void warningsWithoutAConnectionFailureBeforeAnyLossPassWithoutAskingTheDatabase() {
        // given
        watchedDatabase();

        // when
        FilterReply reply = log(JOB, Level.WARN, "nightly-2026-11-26: as of 2026-01-01 is before the earliest booking",
                new IllegalStateException("not a connection"));

        // then
        assertThat(reply).isEqualTo(FilterReply.NEUTRAL);
        assertThat(probes).hasValue(0);
    }

    @Test
    void theDatabaseIsAskedAtMostOnceASecondWhateverTheNumberOfEvents() {
        // given: a loss seen, the database down
        watchedDatabase();

        // when: 1,000 errors within the second, then one more after it
        for (int i = 0; i < 1_000; i++) {
            assertThat(log(BATCH, Level.ERROR, "Encountered an error", LINK_FAILURE)).isEqualTo(FilterReply.DENY);
        }
        int withinTheSecond = probes.get();
        now.addAndGet(ConnectionLoss.ANSWER_CACHED_FOR.toNanos());
        log(BATCH, Level.ERROR, "Encountered an error", LINK_FAILURE);

        // then
        assertThat(withinTheSecond).isEqualTo(1);
        assertThat(probes).hasValue(2);
    }

    @Test
    void aProbeThatLogsWhileItAsksGetsTheCachedAnswerInsteadOfAskingAgain() {
        // given: a probe whose driver logs a connection failure while connecting
        AtomicReference<FilterReply> inner = new AtomicReference<>();
        loss.watch(() -> {
            probes.incrementAndGet();
            inner.set(log(POOL, Level.WARN, "driver: connect failed", LINK_FAILURE));
            return false;
        });

        // when
        FilterReply outer = log(BATCH, Level.ERROR, "JobRepository failure forcing rollback", LINK_FAILURE);

        // then: asked once; the inner event got the answer cached before the probe (nothing kept back yet)
        assertThat(probes).hasValue(1);
        assertThat(inner).hasValue(FilterReply.NEUTRAL);
        assertThat(outer).isEqualTo(FilterReply.DENY);
    }

    @Test
    void aProbeThatThrowsCountsAsNoAnswer() {
        // given
        loss.watch(() -> {
            throw new IllegalStateException("no driver");
        });

        // when
        FilterReply reply = log(BATCH, Level.ERROR, "JobRepository failure forcing rollback", LINK_FAILURE);

        // then
        assertThat(reply).isEqualTo(FilterReply.DENY);
    }

    @Test
    void connectionFailuresAreRecognisedAnywhereInTheCauseChainAndOtherFailuresAreNot() {
        // given / when / then
        assertThat(ConnectionLossFilter.isConnectionFailure(LINK_FAILURE)).isTrue();
        assertThat(ConnectionLossFilter.isConnectionFailure(new SQLTransientConnectionException("timed out"))).isTrue();
        assertThat(ConnectionLossFilter.isConnectionFailure(new SQLException("Connection is closed", "08003"))).isTrue();
        assertThat(ConnectionLossFilter.isConnectionFailure(new IllegalStateException(new CJCommunicationsException()))).isTrue();
        assertThat(ConnectionLossFilter.isConnectionFailure(new SQLException("Duplicate entry", "23000"))).isFalse();
        assertThat(ConnectionLossFilter.isConnectionFailure(new IllegalStateException("disk full"))).isFalse();
        assertThat(ConnectionLossFilter.isConnectionFailure(null)).isFalse();
    }

    @Test
    void aPrintableUrlHasNeitherItsPropertiesNorItsUserInformation() {
        // given / when / then
        assertThat(ConnectionLoss.printable("jdbc:mysql://db:3306/packets_app?user=packets&password=s3cret"))
                .isEqualTo("jdbc:mysql://db:3306/packets_app");
        assertThat(ConnectionLoss.printable("jdbc:mysql://packets:s3cret@db:3306/packets_app"))
                .isEqualTo("jdbc:mysql://db:3306/packets_app");
        assertThat(ConnectionLoss.printable("jdbc:mysql://address=(host=db)(user=packets)(password=s3cret)/packets_app"))
                .doesNotContain("s3cret");
    }

    /** The driver's own runtime exception, recognised by name (the filter does not depend on Connector/J). */
    private static final class CJCommunicationsException extends RuntimeException {
        CJCommunicationsException() {
            super("Communications link failure");
        }
    }
}
