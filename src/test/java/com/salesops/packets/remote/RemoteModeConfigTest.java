package com.salesops.packets.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.AttainmentPacketsApplication;
import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.Broker;
import com.salesops.packets.testing.JobRun;
import com.salesops.packets.testing.MariaDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The render mode's configuration: local mode needs no broker and never contacts one; the new keys
 * are validated naming the key; remote mode with a database the workers cannot share fails at start; {@code validate-config} checks the broker in remote mode; the
 * worker refuses to start in local mode.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteModeConfigTest {

    @TempDir
    Path dir;

    private MariaDb source;
    private MariaDb app;
    private JobRun cli;

    @BeforeEach
    void databases() {
        source = MariaDb.create("ap_rmsrc");
        app = MariaDb.create("ap_rmapp");
        new DemoDataGenerator(DemoSize.scaled(36, 300)).generate(source.dataSource(), LocalDate.parse("2026-11-26"));
        cli = new JobRun(source, app, dir.resolve("out"));
    }

    @AfterEach
    void drop() {
        source.close();
        app.close();
    }

    @Test
    void localModeRunsWithoutABrokerAndNeverConnectsToOne() throws Exception {
        // given: spring.rabbitmq pointing at a port that only counts who connects
        try (ServerSocket fakeBroker = new ServerSocket(0)) {
            AtomicInteger connections = new AtomicInteger();
            Thread counter = new Thread(() -> {
                while (!fakeBroker.isClosed()) {
                    try {
                        fakeBroker.accept().close();
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            counter.setDaemon(true);
            counter.start();

            // when: a whole run in the default mode
            int exit = cli.run("run", "nightly", "--as-of", "2026-11-26", "--spring.rabbitmq.port=" + fakeBroker.getLocalPort());

            // then
            assertThat(exit).isZero();
            assertThat(cli.lastStatus()).isEqualTo("COMPLETED");
            assertThat(connections.get()).as("connections to the broker port").isZero();
        }
    }

    @Test
    void badRenderModeAndWorkerTimesExitTwoNamingTheKey(CapturedOutput output) {
        // when
        int mode = cli.run("run", "nightly", "--as-of", "2026-11-26", "--packets.render.mode=cluster");
        int stale = cli.run("run", "nightly", "--as-of", "2026-11-26", "--packets.workers.stale-after=1s");
        int partitions = cli.run("run", "nightly", "--as-of", "2026-11-26", "--packets.render.partitions=0");

        // then
        assertThat(mode).isEqualTo(2);
        assertThat(output.getErr()).contains("packets: bad configuration:").contains("packets.render.mode");
        assertThat(stale).isEqualTo(2);
        assertThat(output.getErr()).contains("packets: bad configuration: packets.workers.stale-after");
        assertThat(partitions).isEqualTo(2);
        assertThat(output.getErr()).contains("packets: bad configuration: packets.render.partitions");
    }

    @Test
    void remoteModeWithAnEmbeddedH2DatabaseExitsTwoNamingTheKeyBeforeAnythingRuns(CapturedOutput output) {
        // given: the zero-install default, an embedded H2 app database, which no worker process can share
        String h2App = "jdbc:h2:file:" + dir.resolve("db/app") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        String h2Source = "jdbc:h2:mem:source;MODE=MySQL;DATABASE_TO_LOWER=TRUE";

        // when
        int run = AttainmentPacketsApplication.run(remote(h2App, source.url(), "run", "nightly", "--as-of", "2026-11-26"));
        int worker = AttainmentPacketsApplication.run(remote(h2App, source.url(), "worker"));
        int validate = AttainmentPacketsApplication.run(remote(h2App, source.url(), "validate-config"));
        int embeddedSource = AttainmentPacketsApplication.run(remote(app.url(), h2Source, "run", "nightly", "--as-of",
                "2026-11-26"));

        // then: exit 2 each time, saying which key and why; no run started
        assertThat(run).isEqualTo(2);
        assertThat(worker).isEqualTo(2);
        assertThat(validate).isEqualTo(2);
        String h2AppLine = "packets: bad configuration: Invalid configuration: packets.render.mode is remote, but "
                + "spring.datasource.url is an embedded H2 database (" + h2App + "), which the worker processes cannot "
                + "share";
        assertThat(output.getErr().split(java.util.regex.Pattern.quote(h2AppLine), -1)).as("run, worker, validate-config")
                .hasSize(4);
        assertThat(embeddedSource).isEqualTo(2);
        assertThat(output.getErr()).contains("packets: bad configuration: Invalid configuration: packets.render.mode is "
                + "remote, but packets.source.url is an embedded H2 database (" + h2Source + ")");
        assertThat(dir.resolve("out").resolve("nightly-2026-11-26")).doesNotExist();
        JdbcTemplate appDb = new JdbcTemplate(app.dataSource());
        if (!appDb.queryForList("SHOW TABLES LIKE 'BATCH_JOB_EXECUTION'").isEmpty()) { // Flyway may have run first
            assertThat(appDb.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isZero();
        }
    }

    @Test
    void embeddedMeansAnH2DatabaseInsideTheProcessNotAnH2OrMySqlServer() {
        assertThat(RemoteModeRequirements.embedded("jdbc:h2:file:./out/db/app;MODE=MySQL")).isTrue();
        assertThat(RemoteModeRequirements.embedded("jdbc:h2:./out/db/app")).isTrue();
        assertThat(RemoteModeRequirements.embedded("JDBC:H2:MEM:app")).isTrue();
        assertThat(RemoteModeRequirements.embedded("jdbc:h2:file:/srv/app;AUTO_SERVER=TRUE")).isTrue();
        assertThat(RemoteModeRequirements.embedded("jdbc:h2:tcp://db-host:9092/app")).isFalse();
        assertThat(RemoteModeRequirements.embedded("jdbc:h2:ssl://db-host/app")).isFalse();
        assertThat(RemoteModeRequirements.embedded("jdbc:mysql://db-host:3306/packets_app")).isFalse();
        assertThat(RemoteModeRequirements.embedded("jdbc:mariadb://db-host/packets_app")).isFalse();
    }

    @Test
    void validateConfigInRemoteModeDeclaresTheQueueAndNamesTheBrokerWhenItIsDown(CapturedOutput output) {
        try (Broker broker = new Broker()) {
            // when
            int good = cli.run("validate-config", "--packets.render.mode=remote", "--packets.workers.queue=" + broker.queue());
            boolean declared = broker.exists(broker.queue()) && broker.exists(broker.deadLetterQueue());
            int down = cli.run("validate-config", "--packets.render.mode=remote", "--packets.workers.queue=" + broker.queue(),
                    "--spring.rabbitmq.port=1");
            int local = cli.run("validate-config");

            // then
            assertThat(good).as(output.getAll()).isZero();
            assertThat(output.getOut()).contains("ok  RabbitMQ for remote rendering (spring.rabbitmq.*, packets.workers.queue): "
                    + "queue " + broker.queue() + " declared");
            assertThat(declared).as("queue and dead-letter queue declared").isTrue();
            assertThat(down).isEqualTo(2);
            assertThat(output.getOut()).contains("BAD RabbitMQ for remote rendering (spring.rabbitmq.*, packets.workers.queue)");
            assertThat(local).isZero();
            assertThat(output.getOut()).contains("RabbitMQ: packets.render.mode is local");
        }
    }

    /** A command in remote mode with these two databases and nothing else from {@link JobRun}. */
    private String[] remote(String appUrl, String sourceUrl, String... command) {
        List<String> a = new ArrayList<>(List.of(command));
        boolean h2App = RemoteModeRequirements.embedded(appUrl);
        a.addAll(List.of("--packets.render.mode=remote", "--spring.datasource.url=" + appUrl,
                "--spring.datasource.username=" + (h2App ? "sa" : app.user()),
                "--spring.datasource.password=" + (h2App ? "" : app.password()),
                "--packets.source.url=" + sourceUrl, "--packets.source.username=" + source.user(),
                "--packets.source.password=" + source.password(), "--packets.output.dir=" + dir.resolve("out")));
        return a.toArray(String[]::new);
    }

    @Test
    void workerInLocalModeExitsTwoSayingWhy(CapturedOutput output) {
        // when
        int exit = cli.run("worker");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(output.getAll()).contains("worker: packets.render.mode is local");
    }
}
