package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.JobFixture;
import com.salesops.packets.testing.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Packets render in two partitions (one per thread). With {@code fixtures/small-org.sql} the packets
 * are dealt by expected work, largest first, each to the least loaded partition: partition0 = region
 * (its subtree holds every line); partition1 = team-a, then team-b (team-a has more lines). A failure
 * in one partition leaves the other's work standing, and the restart re-runs only the failed one.
 */
class RenderPartitionRestartTest {

    private static final String KEY = "nightly-2026-11-26";

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    @Test
    void aFailedPartitionRestartsAloneAndEveryPacketIsRenderedAndSentOnce() throws Exception {
        // given team-b's packet folder cannot be created (a file is in the way)
        JobRun job = fixture.job().with("--packets.render.threads=2");
        Path blocker = job.blockPacketFolder(KEY, "team-b");

        // when
        int first = job.run("run", "nightly", "--as-of", "2026-11-26");

        // then partition1 failed on team-b after team-a; partition0 (region) completed
        assertThat(first).isEqualTo(1);
        assertThat(statusOf(job, "renderPacketPartitionStep:partition0")).containsExactly("COMPLETED");
        assertThat(statusOf(job, "renderPacketPartitionStep:partition1")).containsExactly("FAILED");
        assertThat(job.appDb().queryForList("SELECT team_id FROM packet ORDER BY team_id", String.class))
                .containsExactly("region", "team-a");
        Timestamp regionRendered = job.appDb().queryForObject(
                "SELECT rendered_at FROM packet WHERE team_id = 'region'", Timestamp.class);
        Timestamp teamARendered = job.appDb().queryForObject(
                "SELECT rendered_at FROM packet WHERE team_id = 'team-a'", Timestamp.class);

        // when the obstacle is gone and the same command runs again
        Files.delete(blocker);
        int second = job.run("run", "nightly", "--as-of", "2026-11-26");

        // then only partition1 ran again, and only for team-b (region's and team-a's packets stand)
        assertThat(second).isZero();
        assertThat(statusOf(job, "renderPacketPartitionStep:partition0")).containsExactly("COMPLETED");
        assertThat(statusOf(job, "renderPacketPartitionStep:partition1")).containsExactly("FAILED", "COMPLETED");
        assertThat(job.appDb().queryForList("SELECT team_id FROM packet ORDER BY team_id", String.class))
                .containsExactly("region", "team-a", "team-b");
        assertThat(job.appDb().queryForObject("SELECT rendered_at FROM packet WHERE team_id = 'region'",
                Timestamp.class)).isEqualTo(regionRendered);
        assertThat(job.appDb().queryForObject("SELECT rendered_at FROM packet WHERE team_id = 'team-a'",
                Timestamp.class)).isEqualTo(teamARendered);
        try (Stream<Path> emails = Files.list(job.runDir(KEY).resolve("outbox"))) {
            assertThat(emails.filter(f -> f.getFileName().toString().matches("(region|team-a|team-b)-.*\\.eml")))
                    .hasSize(3);
        }
    }

    private static List<String> statusOf(JobRun job, String stepName) {
        return job.appDb().queryForList("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? "
                + "ORDER BY STEP_EXECUTION_ID", String.class, stepName);
    }
}
