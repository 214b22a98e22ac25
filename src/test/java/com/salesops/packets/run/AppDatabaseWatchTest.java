package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.MariaDb;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The app database watch ends the process once the database has not answered for lost-after, and only then. */
class AppDatabaseWatchTest {

    @Test
    @SuppressWarnings("try") // the watch runs while the handle is open
    void aDatabaseThatDoesNotAnswerEndsTheRunWithExitOneAfterLostAfter() throws Exception {
        // given: an app database URL where nothing listens, lost-after 3 s
        CompletableFuture<Integer> ended = new CompletableFuture<>();
        try (HikariDataSource app = new HikariDataSource()) {
            app.setJdbcUrl("jdbc:mysql://127.0.0.1:1/nowhere");
            AppDatabaseWatch watch = new AppDatabaseWatch(app, Duration.ofSeconds(3), new GracefulStop(), ended::complete);

            // when
            long start = System.nanoTime();
            try (AutoCloseable watching = watch.watch("nightly-2026-11-26")) {
                int code = ended.get(20, TimeUnit.SECONDS);

                // then: exit 1, not before 3 s of silence
                assertThat(code).isEqualTo(1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            } finally {
                watch.close();
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the watch runs while the handle is open
    void aDatabaseThatAnswersIsLeftAlone() throws Exception {
        // given: the local MariaDB, lost-after 3 s
        CompletableFuture<Integer> ended = new CompletableFuture<>();
        try (MariaDb db = MariaDb.create("ap_watch"); HikariDataSource app = new HikariDataSource()) {
            app.setJdbcUrl(db.url());
            app.setUsername(db.user());
            app.setPassword(db.password());
            AppDatabaseWatch watch = new AppDatabaseWatch(app, Duration.ofSeconds(3), new GracefulStop(), ended::complete);

            // when: watched for twice lost-after
            try (AutoCloseable watching = watch.watch("nightly-2026-11-26")) {
                // then
                org.junit.jupiter.api.Assertions.assertThrows(TimeoutException.class, () -> ended.get(6, TimeUnit.SECONDS));
            } finally {
                watch.close();
            }
        }
    }
}
