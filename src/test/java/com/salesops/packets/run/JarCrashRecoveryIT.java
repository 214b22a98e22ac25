package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.MariaDb;
import com.salesops.packets.testing.PacketsJar;
import com.salesops.packets.testing.SlowSmtpProxy;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged jar killed in the middle of a run — {@code kill -9} while rendering, {@code kill -9}
 * while emailing, SIGTERM while rendering — and brought back from the command line: no packet
 * missing, every email sent exactly once. The demo org (about 16 packets) gives the steps enough
 * work to be caught in the middle; the kill comes as soon as the app database shows the first
 * packet (or sent email). Emails go through a proxy that holds each SMTP connection for a moment,
 * so the deliver step lasts a few seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JarCrashRecoveryIT {

    private static final String AS_OF = "2026-11-26";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private MariaDb source;
    private MariaDb app;
    private SlowSmtpProxy proxy;
    private PacketsJar jar;
    private JdbcTemplate appDb;
    private int packetTeams;

    @BeforeAll
    void demoSource() {
        source = MariaDb.create("ap_itdemo");
        new DemoDataGenerator(DemoSize.small()).generate(source.dataSource(), LocalDate.parse(AS_OF));
    }

    @AfterAll
    void dropSource() {
        source.close();
    }

    @BeforeEach
    void appDatabaseAndJar() throws Exception {
        app = MariaDb.create("ap_itapp");
        appDb = new JdbcTemplate(app.dataSource());
        proxy = new SlowSmtpProxy(smtp.getSmtp().getPort(), Duration.ofMillis(400));
        jar = new PacketsJar(dir, List.of("--spring.datasource.url=" + app.url(),
                "--spring.datasource.username=" + app.user(), "--spring.datasource.password=" + app.password(),
                "--packets.source.url=" + source.url(), "--packets.source.username=" + source.user(),
                "--packets.source.password=" + source.password(), "--packets.output.dir=" + dir.resolve("out"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + proxy.port(),
                "--packets.mail.retry-backoff=100ms"));
        packetTeams = new JdbcTemplate(source.dataSource()).queryForObject(
                "SELECT COUNT(*) FROM sales_team WHERE manager_id IS NOT NULL", Integer.class);
        assertThat(packetTeams).as("enough packets to be killed in the middle of").isGreaterThanOrEqualTo(10);
    }

    @AfterEach
    void dropApp() throws Exception {
        proxy.close();
        app.close();
    }

    @Test
    void killedWhileRenderingThenRecoveredAndRestartedRendersAndSendsEveryPacketOnce() throws Exception {
        // given: a run killed with kill -9 once the first packet is rendered
        PacketsJar.Run run = jar.start("run", "nightly", "--as-of", AS_OF);
        PacketsJar.await(run, Duration.ofMinutes(5), () -> countOnceMigrated("SELECT COUNT(*) FROM packet") >= 1, "the first packet");
        run.kill9();
        int renderedAtKill = count("SELECT COUNT(*) FROM packet");
        assertThat(renderedAtKill).as("killed in the middle of rendering").isLessThan(packetTeams);
        assertThat(executionStatus()).isEqualTo("STARTED");
        assertThat(count("SELECT COUNT(*) FROM delivery")).isZero();

        // when: cron runs the key again, then the operator recovers and restarts
        PacketsJar.Run again = jar.run("run", "nightly", "--as-of", AS_OF);
        PacketsJar.Run status = jar.run("status", "--quiet");
        PacketsJar.Run recover = jar.run("recover", "1");
        PacketsJar.Run restart = jar.run("restart", "1");

        // then
        assertThat(again.exitCode()).as(again.output()).isEqualTo(3);
        assertThat(again.output()).contains("is locked by a process that is gone", "Run: recover 1");
        assertThat(status.output()).contains("NOT running (process gone; run: recover 1)");
        assertThat(recover.exitCode()).as(recover.output()).isZero();
        assertThat(recover.output()).contains("execution 1 of nightly-2026-11-26 was STARTED", "now FAILED");
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        // each partition says how many of its packets were rendered before the kill: together, all of them
        assertThat(java.util.regex.Pattern.compile("(\\d+) rendered before").matcher(restart.output()).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).sum()).as(restart.output()).isEqualTo(renderedAtKill);
        assertEveryPacketRenderedAndEmailedOnce();
    }

    @Test
    void killedWhileEmailingThenRecoveredAndRunAgainSendsOnlyTheRest() throws Exception {
        // given: a run killed with kill -9 once the first email is sent
        PacketsJar.Run run = jar.start("run", "nightly", "--as-of", AS_OF);
        PacketsJar.await(run, Duration.ofMinutes(5), () -> countOnceMigrated("SELECT COUNT(*) FROM delivery WHERE status = 'SENT'") >= 1,
                "the first email");
        run.kill9();
        int sentAtKill = count("SELECT COUNT(*) FROM delivery WHERE status = 'SENT'");
        assertThat(sentAtKill).as("killed in the middle of emailing").isLessThan(count("SELECT COUNT(*) FROM delivery"));

        // when: recover, then the same cron command again
        PacketsJar.Run recover = jar.run("recover", "1");
        PacketsJar.Run again = jar.run("run", "nightly", "--as-of", AS_OF);

        // then
        assertThat(recover.exitCode()).as(recover.output()).isZero();
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("restarting execution 1 (FAILED)", "nightly-2026-11-26 completed")
                .doesNotContain("step renderPacketsStep started");
        assertEveryPacketRenderedAndEmailedOnce();
    }

    @Test
    void sigtermStopsAtAChunkBoundaryAsStoppedAndRestartCompletes() throws Exception {
        // given
        PacketsJar.Run run = jar.start("run", "nightly", "--as-of", AS_OF);
        PacketsJar.await(run, Duration.ofMinutes(5), () -> countOnceMigrated("SELECT COUNT(*) FROM packet") >= 1, "the first packet");

        // when: SIGTERM, then restart --last-failed
        run.terminate();
        int exit = run.exitCode();
        String statusAfterStop = executionStatus();
        int renderedAtStop = count("SELECT COUNT(*) FROM packet");
        int locksAfterStop = count("SELECT COUNT(*) FROM run_lock");
        PacketsJar.Run restart = jar.run("restart", "--last-failed");

        // then: the stop was orderly and restartable
        assertThat(exit).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("termination signal; stopping execution 1", "nightly-2026-11-26 STOPPED (execution 1)");
        assertThat(statusAfterStop).isEqualTo("STOPPED");
        assertThat(renderedAtStop).as("stopped before rendering everything").isLessThan(packetTeams);
        assertThat(locksAfterStop).isZero();
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("restarting execution 1 (STOPPED)", "nightly-2026-11-26 completed");
        assertEveryPacketRenderedAndEmailedOnce();
    }

    private void assertEveryPacketRenderedAndEmailedOnce() throws Exception {
        // every team with a manager has its packet, rendered once, files on disk
        assertThat(count("SELECT COUNT(*) FROM packet")).isEqualTo(packetTeams);
        for (String pdf : appDb.queryForList("SELECT pdf_path FROM packet", String.class)) {
            assertThat(Path.of(pdf)).isNotEmptyFile();
        }
        // every ledger row SENT, and the SMTP server got each of those emails exactly once
        List<String> ledger = appDb.queryForList("SELECT message_id FROM delivery WHERE status = 'SENT'", String.class);
        assertThat(count("SELECT COUNT(*) FROM delivery WHERE status <> 'SENT'")).isZero();
        assertThat(ledger).hasSizeGreaterThanOrEqualTo(packetTeams - 2);
        List<String> received = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            received.add(m.getMessageID());
        }
        Map<String, Long> timesReceived = received.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(timesReceived.keySet()).containsExactlyInAnyOrderElementsOf(ledger);
        assertThat(timesReceived.values()).as("each email once").containsOnly(1L);
        assertThat(executionStatus()).isEqualTo("COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM run_lock")).isZero();
        assertThat(Files.readString(dir.resolve("out").resolve("nightly-" + AS_OF).resolve("run-summary.json")))
                .contains("\"holds\" : true");
    }

    private String executionStatus() {
        return appDb.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = "
                + "(SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)", String.class);
    }

    /** 0 until the jar's Flyway has created the tables. */
    private int countOnceMigrated(String sql) {
        try {
            return count(sql);
        } catch (BadSqlGrammarException e) {
            return 0;
        }
    }

    private int count(String sql) {
        Integer n = appDb.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
