package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.MariaDb;
import com.salesops.packets.testing.PacketsJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exit codes cron sees (docs/architecture.md, "Operations"), from the packaged jar in its own process: 0 completed,
 * 1 failed, 2 bad usage or configuration, 3 refused — and two launches of one key at the same time.
 */
class JarExitCodesIT {

    @TempDir
    Path dir;

    private MariaDb source;
    private MariaDb app;
    private PacketsJar jar;

    @BeforeEach
    void databases() {
        source = MariaDb.create("ap_itsrc");
        source.runScript("/db/source/schema.sql");
        source.runScript("/fixtures/small-org.sql");
        app = MariaDb.create("ap_itapp");
        jar = new PacketsJar(dir, List.of("--spring.datasource.url=" + app.url(),
                "--spring.datasource.username=" + app.user(), "--spring.datasource.password=" + app.password(),
                "--packets.source.url=" + source.url(), "--packets.source.username=" + source.user(),
                "--packets.source.password=" + source.password(), "--packets.output.dir=" + dir.resolve("out"),
                com.salesops.packets.testing.JobRun.REJECT_RULE_OFF));
    }

    @AfterEach
    void drop() {
        source.close();
        app.close();
    }

    @Test
    void completedRunExitsZeroAndTheSameKeyAgainIsRefusedWithThree() throws Exception {
        // when
        PacketsJar.Run first = jar.run("run", "nightly", "--as-of", "2026-11-26");
        PacketsJar.Run again = jar.run("run", "nightly", "--as-of", "2026-11-26", "--quiet");

        // then
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("nightly-2026-11-26 completed (execution 1)",
                "step renderPacketsStep COMPLETED", "read 6, written 6, skipped 0");
        assertThat(again.exitCode()).as(again.output()).isEqualTo(3);
        assertThat(again.output()).contains("nightly-2026-11-26 already completed (execution 1)")
                .doesNotContain("Starting AttainmentPacketsApplication");
        assertThat(emails()).isEqualTo(3);
    }

    @Test
    void brokenHierarchyFailsWithOneAndNamesTheProblem() throws Exception {
        // given: region and team-a are each other's parent
        source.runSql("UPDATE sales_team SET parent_team_id = 'team-a' WHERE team_id = 'region';");

        // when
        PacketsJar.Run run = jar.run("run", "nightly", "--as-of", "2026-11-26");

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("nightly-2026-11-26 FAILED (execution 1)", "cycle");
        assertThat(status("FAILED")).isEqualTo(1);
    }

    @Test
    void badUsageExitsTwoBeforeAnythingStarts() throws Exception {
        // when
        PacketsJar.Run weekly = jar.run("run", "weekly");
        PacketsJar.Run badMonth = jar.run("run", "monthly", "--month", "2026-13");
        PacketsJar.Run noId = jar.run("recover");

        // then
        assertThat(weekly.exitCode()).isEqualTo(2);
        assertThat(weekly.output()).contains("unknown run kind weekly", "Usage: packets");
        assertThat(badMonth.exitCode()).isEqualTo(2);
        assertThat(badMonth.output()).contains("--month must be YYYY-MM, was 2026-13");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.output()).contains("recover needs an execution id");
    }

    @Test
    void badConfigurationExitsTwoNamingTheKey() throws Exception {
        // when
        PacketsJar.Run month = jar.run("run", "nightly", "--as-of", "2026-11-26", "--packets.fiscal.year-start-month=13");
        PacketsJar.Run zone = jar.run("run", "nightly", "--as-of", "2026-11-26", "--packets.timezone=Mars/Olympus");

        // then
        assertThat(month.exitCode()).as(month.output()).isEqualTo(2);
        assertThat(month.output()).contains(
                "packets: bad configuration: packets.fiscal.year-start-month must be less than or equal to 12 (was 13)");
        assertThat(zone.exitCode()).as(zone.output()).isEqualTo(2);
        assertThat(zone.output()).contains("packets: bad configuration: packets.timezone must be a time zone id "
                + "such as UTC or America/New_York (was Mars/Olympus)");
    }

    @Test
    void validateConfigExitsZeroWhenAllIsWellAndTwoNamingTheKeyOtherwise() throws Exception {
        // when
        PacketsJar.Run good = jar.run("validate-config");
        source.runSql("DROP TABLE booking_credit;");
        PacketsJar.Run bad = jar.run("validate-config", "--spring.mail.host=127.0.0.1", "--spring.mail.port=1");

        // then
        assertThat(good.exitCode()).as(good.output()).isZero();
        assertThat(good.output()).contains("ok  extraction query bookings.sql", "ok  report templates", "configuration OK");
        assertThat(bad.exitCode()).as(bad.output()).isEqualTo(2);
        assertThat(bad.output()).contains("BAD SMTP server (spring.mail.host, spring.mail.port)",
                "BAD extraction query bookings.sql (packets.source.sql-location)");
        assertThat(emails()).isZero();
    }

    @Test
    void twoLaunchesOfOneKeyAtOnceRunItOnceAndRefuseTheOther() throws Exception {
        // when: both at the same moment
        PacketsJar.Run a = jar.start("run", "nightly", "--as-of", "2026-11-26");
        PacketsJar.Run b = jar.start("run", "nightly", "--as-of", "2026-11-26");

        // then: one completes, the other is refused; one execution, one email per manager
        List<Integer> codes = Stream.of(a.exitCode(), b.exitCode()).sorted().toList();
        assertThat(codes).as(a.output() + "\n-----\n" + b.output()).containsExactly(0, 3);
        PacketsJar.Run refused = a.exitCode() == 3 ? a : b;
        assertThat(refused.output()).containsAnyOf("nightly-2026-11-26 is already running",
                "nightly-2026-11-26 already completed");
        JdbcTemplate db = new JdbcTemplate(app.dataSource());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM delivery WHERE status = 'SENT'", Integer.class)).isEqualTo(3);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM run_lock", Integer.class)).isZero();
        assertThat(emails()).isEqualTo(3);
    }

    @Test
    void statusShowsTheRunWithStepsCountsPacketsAndRejects() throws Exception {
        // given
        assertThat(jar.run("run", "nightly", "--as-of", "2026-11-26").exitCode()).isZero();

        // when
        PacketsJar.Run status = jar.run("status", "--run", "nightly-2026-11-26", "--quiet");

        // then
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).containsPattern("nightly-2026-11-26 +1 +COMPLETED .* 3/3/0 +2")
                .containsPattern("extractCreditsStep +COMPLETED +read +6 +written +6 +skipped +0")
                .containsPattern("renderPacketsStep +COMPLETED +read +3 +written +3");
    }

    private long emails() throws Exception {
        Path outbox = dir.resolve("out").resolve("nightly-2026-11-26").resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    private int status(String status) {
        return new JdbcTemplate(app.dataSource()).queryForObject(
                "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = ?", Integer.class, status);
    }
}
