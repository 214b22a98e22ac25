package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.JobFixture;
import com.salesops.packets.testing.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The line spool around the render step (docs/performance.md): a failed render step keeps it for
 * its restart; a restart that finds none writes it again from the app database; once every packet
 * is rendered it is gone. The packets rendered from the rebuilt spool hold every line.
 */
class LineSpoolJobTest {

    private static final String KEY = "nightly-2026-11-26";

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    @Test
    void aRestartedRenderStepWritesAMissingSpoolAgainAndTheRunRemovesItWhenEveryPacketIsRendered() throws Exception {
        // given team-b's packet folder cannot be created, so the render step fails
        JobRun job = fixture.job();
        Path blocker = job.blockPacketFolder(KEY, "team-b");
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-26")).isEqualTo(1);
        Path spool = job.runDir(KEY).resolve(".line-spool");
        assertThat(spool.resolve("index.properties")).as("the failed render step keeps the spool").exists();

        // when the spool is gone (another host's disk, or removed) and the same command runs again
        deleteTree(spool);
        Files.delete(blocker);
        JobRun.Output restart = job.runCapturing("run", "nightly", "--as-of", "2026-11-26");

        // then it was written again, the packets rendered, and the spool removed at the end
        assertThat(restart.exit()).isZero();
        assertThat(restart.text()).contains("no line spool in").contains("writing it from the app database");
        assertThat(restart.text()).doesNotContain("packets read their lines from the app database");
        assertThat(spool).doesNotExist();
        long lines = job.appDb().queryForObject("SELECT COUNT(*) FROM credit_line WHERE run_key = ?", Long.class, KEY);
        try (XSSFWorkbook book = new XSSFWorkbook(job.runDir(KEY).resolve("packets/team-b/team-b-" + KEY + ".xlsx")
                .toFile())) {
            long teamB = job.appDb().queryForObject(
                    "SELECT COUNT(*) FROM credit_line WHERE run_key = ? AND team_id = 'team-b'", Long.class, KEY);
            assertThat(teamB).isPositive().isLessThan(lines);
            assertThat(book.getSheet("Deals").getLastRowNum() - 1).as("team-b's Deals lines").isEqualTo((int) teamB);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
