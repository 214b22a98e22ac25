package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.GuardSettings;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.remote.PartitionClaims;
import com.salesops.packets.status.RunStatus;
import com.salesops.packets.testing.Broker;
import com.salesops.packets.testing.MariaDb;
import com.salesops.packets.testing.PacketsJar;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remote rendering (docs/architecture.md, "Remote rendering") with the packaged jar: a run in remote mode is the manager,
 * {@code worker} processes render its partitions, over the local RabbitMQ with a queue of the
 * test's own. Short stale-after and start-timeout keep the dead-worker and no-worker cases fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteRenderingIT {

    private static final String AS_OF = "2026-11-26";
    private static final String RUN_KEY = "nightly-" + AS_OF;
    private static final Duration STALE_AFTER = Duration.ofSeconds(10);
    /** Short for the no-worker case; the others allow for a loaded machine where a worker takes seconds to take. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(8);
    private static final String GENEROUS_START_TIMEOUT = "--packets.workers.start-timeout=3m";
    /** RemoteRendering.pollInterval: a tenth of stale-after, at least 0.5 s. */
    private static final Duration POLL = Duration.ofSeconds(1);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private MariaDb source;
    private MariaDb app;
    private Broker broker;
    private PacketsJar jar;
    private JdbcTemplate appDb;
    private int packetTeams;
    private final List<PacketsJar.Run> workers = new ArrayList<>();

    @BeforeAll
    void demoSource() {
        source = MariaDb.create("ap_itremote");
        new DemoDataGenerator(DemoSize.small()).generate(source.dataSource(), LocalDate.parse(AS_OF));
    }

    @AfterAll
    void dropSource() {
        source.close();
    }

    @BeforeEach
    void appDatabaseBrokerAndJar() throws Exception {
        broker = new Broker(); // fails the test when RabbitMQ cannot be reached
        app = MariaDb.create("ap_itrapp");
        appDb = new JdbcTemplate(app.dataSource());
        jar = new PacketsJar(dir, List.of("--spring.datasource.url=" + app.url(),
                "--spring.datasource.username=" + app.user(), "--spring.datasource.password=" + app.password(),
                "--packets.source.url=" + source.url(), "--packets.source.username=" + source.user(),
                "--packets.source.password=" + source.password(), "--packets.output.dir=" + dir.resolve("out"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--packets.render.mode=remote", "--packets.render.partitions=4",
                "--packets.workers.queue=" + broker.queue(), "--packets.workers.stale-after=" + STALE_AFTER.toSeconds() + "s"));
        packetTeams = new JdbcTemplate(source.dataSource()).queryForObject(
                "SELECT COUNT(*) FROM sales_team WHERE manager_id IS NOT NULL", Integer.class);
        assertThat(packetTeams).as("enough packets for four partitions").isGreaterThanOrEqualTo(10);
    }

    @AfterEach
    void stopWorkersAndDrop() throws Exception {
        for (PacketsJar.Run w : workers) {
            if (w.isAlive()) {
                w.kill9();
            }
        }
        workers.clear();
        broker.close();
        app.close();
    }

    @Test
    void twoWorkersRenderEveryPacketOnceAndDuplicatedOrUnreadableMessagesChangeNothing() throws Exception {
        // given: two workers, one partition at a time each
        PacketsJar.Run a = startWorker();
        PacketsJar.Run b = startWorker();
        awaitListening(a);
        awaitListening(b);

        // when: a remote run
        PacketsJar.Run run = jar.run("run", "nightly", "--as-of", AS_OF, GENEROUS_START_TIMEOUT);

        // then: completed, each packet rendered once (the partitions' write counts add up to the
        // packets), each email sent once, and both workers rendered partitions
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(count("SELECT COUNT(*) FROM packet")).isEqualTo(packetTeams);
        assertThat(count("SELECT SUM(WRITE_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'renderPacketPartitionStep:%'"))
                .isEqualTo(packetTeams);
        assertEveryEmailOnce();
        List<String> workersThatRendered = appDb.queryForList("SELECT DISTINCT worker FROM partition_claim "
                + "WHERE outcome = 'COMPLETED'", String.class);
        assertThat(workersThatRendered).containsExactlyInAnyOrder(workerName(a), workerName(b));
        assertThat(count("SELECT COUNT(*) FROM partition_claim WHERE outcome = 'COMPLETED'")).isEqualTo(4);
        String status = status();
        assertThat(status.lines().filter(l -> l.contains("renderPacketPartitionStep:partition")))
                .hasSize(4).allMatch(l -> l.contains("COMPLETED") && (l.contains("worker " + workerName(a))
                        || l.contains("worker " + workerName(b))));

        // when: every partition's request published again, plus a message that is no request and
        // one of a class off the allowed list
        String renderedBefore = rendering();
        for (Long id : appDb.queryForList("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION "
                + "WHERE STEP_NAME LIKE 'renderPacketPartitionStep:%'", Long.class)) {
            broker.publish(new StepExecutionRequest("renderPacketPartitionStep", id));
        }
        broker.publish("render everything");
        broker.publish(new java.util.Date(0));
        PacketsJar.await(a, Duration.ofSeconds(60), () -> broker.ready(broker.queue()) == 0
                && countIn(a, b, "not running it again") == 4 && broker.ready(broker.deadLetterQueue()) == 2,
                "the duplicates handled and the other two dead-lettered");

        // then: nothing rendered or sent again; the two others went to the dead-letter queue, named in the log
        assertThat(rendering()).isEqualTo(renderedBefore);
        assertThat(count("SELECT COUNT(*) FROM partition_claim")).isEqualTo(4);
        assertEveryEmailOnce();
        assertThat(countIn(a, b, "is COMPLETED; not running it again")).isEqualTo(4);
        assertThat(countIn(a, b, "sent to the dead-letter queue " + broker.deadLetterQueue())).isEqualTo(2);

        // when: SIGTERM to the workers
        a.terminate();
        b.terminate();

        // then
        assertThat(a.exitCode()).as(a.output()).isZero();
        assertThat(b.exitCode()).as(b.output()).isZero();
        assertThat(a.output()).contains("worker " + workerName(a) + " stopped");
    }

    @Test
    void theOnlyWorkerKilledMidRenderFailsTheRunNamingItThenANewWorkerAndTheSameCommandFinish() throws Exception {
        // given: one worker, killed with kill -9 once it rendered a packet
        PacketsJar.Run w = worker();
        PacketsJar.Run run = jar.start("run", "nightly", "--as-of", AS_OF, GENEROUS_START_TIMEOUT);
        PacketsJar.await(run, Duration.ofMinutes(5), () -> countOnceMigrated("SELECT COUNT(*) FROM packet") >= 1
                && countOnceMigrated("SELECT COUNT(*) FROM partition_claim WHERE finished_at IS NULL") == 1,
                "the first packet, with a partition in hand");
        w.kill9();
        long killedAt = System.nanoTime();
        String killed = workerName(w);

        // when: the run notices
        int exit = run.exitCode();
        Duration noticed = Duration.ofNanos(System.nanoTime() - killedAt);
        int renderedBeforeRestart = count("SELECT COUNT(*) FROM packet");

        // then: exit 1, naming the partition and the worker; noticed once its last heartbeat was
        // stale-after old (10 s; heartbeats every stale-after/4 = 2.5 s, polls every 1 s: at most
        // ~13.5 s, 15 s allowed for a loaded machine), and the run ended soon after (the JVM still
        // ends the job and exits: 30 s allowed on a machine shared by four builds)
        assertThat(exit).as(run.output()).isEqualTo(1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("partition (renderPacketPartitionStep:partition\\d) "
                + "failed: its worker " + java.util.regex.Pattern.quote(killed) + " sent no heartbeat for (\\d+) s")
                .matcher(run.output());
        assertThat(m.find()).as(run.output()).isTrue();
        assertThat(Integer.parseInt(m.group(2))).isBetween((int) STALE_AFTER.toSeconds(), 15);
        assertThat(noticed).isLessThan(STALE_AFTER.plus(POLL).plus(Duration.ofSeconds(30)));
        assertThat(renderedBeforeRestart).as("killed in the middle").isLessThan(packetTeams);
        assertThat(count("SELECT COUNT(*) FROM delivery")).isZero();

        // when: a new worker, and the same command again
        PacketsJar.Run w2 = worker();
        PacketsJar.Run again = jar.run("run", "nightly", "--as-of", AS_OF, GENEROUS_START_TIMEOUT);

        // then: completed; the restart rendered only what was missing, on the new worker; emails once
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(count("SELECT COUNT(*) FROM packet")).isEqualTo(packetTeams);
        assertThat(count("SELECT SUM(s.WRITE_COUNT) FROM BATCH_STEP_EXECUTION s WHERE s.STEP_NAME LIKE "
                + "'renderPacketPartitionStep:%' AND s.JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)"))
                .isEqualTo(packetTeams - renderedBeforeRestart);
        assertThat(appDb.queryForList("SELECT DISTINCT c.worker FROM partition_claim c WHERE c.job_execution_id = "
                + "(SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)", String.class)).containsExactly(workerName(w2));
        assertEveryEmailOnce();
    }

    @Test
    void noWorkerFailsTheRunAfterTheStartTimeoutSayingNoWorkerTookThePartition() throws Exception {
        // given: no worker at all
        long started = System.nanoTime();

        // when
        PacketsJar.Run run = jar.run("run", "nightly", "--as-of", AS_OF,
                "--packets.workers.start-timeout=" + START_TIMEOUT.toSeconds() + "s");

        // then
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("no worker took partition renderPacketPartitionStep:partition",
                "(packets.workers.start-timeout)");
        assertThat(took).isGreaterThan(START_TIMEOUT);
        assertThat(count("SELECT COUNT(*) FROM packet")).isZero();
        assertThat(count("SELECT COUNT(*) FROM delivery")).isZero();
    }

    private PacketsJar.Run worker() throws Exception {
        PacketsJar.Run w = startWorker();
        awaitListening(w);
        return w;
    }

    private PacketsJar.Run startWorker() throws Exception {
        PacketsJar.Run w = jar.start("worker", "--packets.render.threads=1");
        workers.add(w);
        return w;
    }

    private static void awaitListening(PacketsJar.Run w) throws InterruptedException {
        PacketsJar.await(w, Duration.ofMinutes(4), () -> w.output().contains("takes render partitions from queue"),
                "the worker to listen");
    }

    private static String workerName(PacketsJar.Run w) {
        String line = w.output().lines().filter(l -> l.contains("takes render partitions from queue")).findFirst()
                .orElseThrow();
        return line.substring(line.indexOf("worker ") + 7, line.indexOf(" takes"));
    }

    private static int countIn(PacketsJar.Run a, PacketsJar.Run b, String text) {
        return (int) (a.output().lines().filter(l -> l.contains(text)).count()
                + b.output().lines().filter(l -> l.contains(text)).count());
    }

    /** Every packet's files with their sizes and modification times, and the packet rows. */
    private String rendering() throws Exception {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> row : appDb.queryForList("SELECT team_id, xlsx_path, pdf_path, rendered_at FROM packet "
                + "ORDER BY team_id")) {
            b.append(row).append(' ');
            for (String column : List.of("xlsx_path", "pdf_path")) {
                Path file = Path.of((String) row.get(column));
                b.append(Files.size(file)).append('@').append(Files.getLastModifiedTime(file)).append(' ');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private void assertEveryEmailOnce() {
        List<String> ledger = appDb.queryForList("SELECT message_id FROM delivery WHERE status = 'SENT'", String.class);
        assertThat(count("SELECT COUNT(*) FROM delivery WHERE status <> 'SENT'")).isZero();
        assertThat(ledger).hasSizeGreaterThanOrEqualTo(packetTeams - 2);
        List<String> received = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                received.add(m.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, Long> times = received.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(ledger);
        assertThat(times.values()).as("each email once").containsOnly(1L);
    }

    /** {@code status --run KEY}'s report, made in this JVM (a jar start costs a minute on a loaded machine). */
    private String status() throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(app.dataSource());
        factory.setTransactionManager(transactions());
        factory.afterPropertiesSet();
        CreditStore credits = new CreditStore(app.dataSource());
        RunHistory history = new RunHistory(app.dataSource(), credits, new ResultStore(app.dataSource()));
        try (RunLock lock = new RunLock(app.dataSource(), transactions())) {
            return new RunStatus(factory.getObject(), new PacketStore(app.dataSource(), transactions()), credits,
                    new DeliveryLedger(app.dataSource(), transactions()), lock,
                    new DeliveryGate(app.dataSource(), transactions(), credits, history,
                            new GuardSettings(1, BigDecimal.TEN, BigDecimal.valueOf(20))),
                    history, new PartitionClaims(app.dataSource(), transactions())).report(100, Optional.of(RUN_KEY));
        }
    }

    private org.springframework.transaction.PlatformTransactionManager transactions() {
        return new org.springframework.jdbc.support.JdbcTransactionManager(app.dataSource());
    }

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
