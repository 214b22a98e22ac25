package com.salesops.packets.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.Broker;
import com.salesops.packets.testing.JobRun;
import com.salesops.packets.testing.MariaDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The render mode's configuration: local mode needs no broker and never contacts one; the new keys
 * are validated naming the key; {@code validate-config} checks the broker in remote mode; the
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
                    try (Socket s = fakeBroker.accept()) {
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

    @Test
    void workerInLocalModeExitsTwoSayingWhy(CapturedOutput output) {
        // when
        int exit = cli.run("worker");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(output.getAll()).contains("worker: packets.render.mode is local");
    }
}
