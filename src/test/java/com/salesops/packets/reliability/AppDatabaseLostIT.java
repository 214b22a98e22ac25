package com.salesops.packets.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.MariaDb;
import com.salesops.packets.testing.OwnMariaDbServer;
import com.salesops.packets.testing.PacketsJar;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The app database killed with {@code kill -9} in the middle of rendering: the packaged jar (as
 * cron runs it) ends with exit 1 within 60 s and says so once, and the runbook — start the
 * database, {@code status}, {@code recover}, the same command — finishes the run with every email
 * sent exactly once. The app database is a MariaDB server of the test's own (a data folder and a
 * free port), so killing it touches no other test; the source is on the shared server. Demo data
 * (about 16 packets) rendered on one thread gives the kill a render step to land in.
 */
class AppDatabaseLostIT {

    private static final String AS_OF = "2026-11-26";
    private static final String LOST = "has not answered for";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void appDatabaseKilledMidRenderEndsTheRunWithinAMinuteWithOneMessageAndTheRunbookSendsEveryEmailOnce()
            throws Exception {
        try (MariaDb source = MariaDb.create("ap_lostsrc");
             OwnMariaDbServer server = OwnMariaDbServer.install(dir.resolve("appdb"))) {
            // given: demo data in the source, the app database on the test's own server, a run rendering
            new DemoDataGenerator(DemoSize.small()).generate(source.dataSource(), LocalDate.parse(AS_OF));
            int packetTeams = new JdbcTemplate(source.dataSource()).queryForObject(
                    "SELECT COUNT(*) FROM sales_team WHERE manager_id IS NOT NULL", Integer.class);
            String appUrl = server.createDatabase("packets_app").url();
            JdbcTemplate appDb = new JdbcTemplate(new DriverManagerDataSource(appUrl, "root", ""));
            PacketsJar jar = new PacketsJar(dir, List.of("--spring.datasource.url=" + appUrl,
                    "--spring.datasource.username=root", "--spring.datasource.password=",
                    "--packets.source.url=" + source.url(), "--packets.source.username=" + source.user(),
                    "--packets.source.password=" + source.password(), "--packets.output.dir=" + dir.resolve("out"),
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                    "--packets.mail.retry-backoff=100ms", "--packets.render.threads=1"));
            PacketsJar.Run run = jar.start("run", "nightly", "--as-of", AS_OF);
            PacketsJar.await(run, Duration.ofMinutes(10), () -> countOnceMigrated(appDb, "SELECT COUNT(*) FROM packet") >= 1,
                    "the first packet");

            // when: the app database is killed
            server.kill9();
            long killedAt = System.nanoTime();
            int exit = run.exitCode();
            Duration tookToExit = Duration.ofNanos(System.nanoTime() - killedAt);

            // then: exit 1 within a minute, the loss and what to do said once, no warning lines of the pool
            // (support/ConnectionLossFilter keeps them back while the database does not answer)
            String output = run.output();
            assertThat(exit).as(output).isEqualTo(1);
            assertThat(tookToExit).as(output).isLessThan(Duration.ofSeconds(60));
            assertThat(output.split(LOST, -1).length - 1).as(output).isEqualTo(1);
            assertThat(output).contains("the app database (" + appUrl.replaceAll("\\?.*", "") + ") " + LOST,
                    "Execution 1 stays STARTED", "bin/packets recover 1");
            assertThat(output.lines().filter(l -> l.matches("\\S+ \\S+ (WARN|ERROR) +HikariPool.*")).toList()).isEmpty();
            assertThat(output).as("the one line names what to do").contains("Start the database again, then: "
                    + "bin/packets status, bin/packets recover 1, and the same command again.");
            // ... and nothing else of the loss: no stack trace, no page of Spring Batch, pool and JDBC warnings
            assertThat(output.lines().filter(l -> l.contains("\tat ") || l.contains("Caused by:")).toList()).as(output)
                    .isEmpty();
            assertThat(output.lines().filter(l -> l.matches("\\S+ \\S+ (WARN|ERROR)\\b.*")).toList()).as(output)
                    .hasSizeLessThanOrEqualTo(3);

            // when: the database is back and ops follow the runbook
            server.start();
            int renderedAtKill = count(appDb, "SELECT COUNT(*) FROM packet");
            PacketsJar.Run status = jar.run("status");
            PacketsJar.Run recover = jar.run("recover", "1");
            PacketsJar.Run again = jar.run("run", "nightly", "--as-of", AS_OF);

            // then: it was killed mid-render; the same command finishes with every packet and email once
            assertThat(renderedAtKill).as("killed in the middle of rendering").isLessThan(packetTeams);
            assertThat(status.output()).contains("NOT running (process gone; run: recover 1)");
            assertThat(recover.exitCode()).as(recover.output()).isZero();
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("restarting execution 1 (FAILED)", "nightly-" + AS_OF + " completed");
            assertThat(count(appDb, "SELECT COUNT(*) FROM packet")).isEqualTo(packetTeams);
            List<String> sent = appDb.queryForList("SELECT message_id FROM delivery WHERE status = 'SENT'", String.class);
            assertThat(count(appDb, "SELECT COUNT(*) FROM delivery WHERE status <> 'SENT'")).isZero();
            assertThat(sent).hasSizeGreaterThanOrEqualTo(packetTeams - 2);
            List<String> received = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                received.add(m.getMessageID());
            }
            Map<String, Long> timesReceived = received.stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(timesReceived.keySet()).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(timesReceived.values()).as("each email once").containsOnly(1L);
        }
    }

    /** 0 until the jar's Flyway has created the tables. */
    private static int countOnceMigrated(JdbcTemplate db, String sql) {
        try {
            return count(db, sql);
        } catch (BadSqlGrammarException | CannotGetJdbcConnectionException e) {
            return 0;
        }
    }

    private static int count(JdbcTemplate db, String sql) {
        Integer n = db.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
