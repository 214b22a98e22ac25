package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.JobFixture;
import com.salesops.packets.testing.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compute step's reconciliation (docs/numbers.md, invariant 1): every booking the source holds
 * for the run is credited or rejected. The credited count comes from the compute step's one pass
 * over the credit lines, so a booking whose lines went missing after the extract step stops the
 * run with the counts, before any result is written. The delivery gate takes the bookings read
 * from that checked count, also in a later execution of a restarted run, instead of counting the
 * run's lines again.
 */
class ReconciliationJobTest {

    private static final String KEY = "nightly-2026-11-26";

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    @Test
    void aBookingWhoseLinesWentMissingAfterTheExtractStepFailsTheComputeStepWithTheCounts() throws Exception {
        // given a run whose extract step completed and whose compute step failed (attainment.csv cannot be written)
        JobRun job = fixture.job();
        Path blocker = job.runDir(KEY).resolve("attainment.csv");
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("in-the-way"), "not a file");
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-26")).isEqualTo(1);
        long credited = count(job, "SELECT COUNT(DISTINCT booking_id) FROM credit_line WHERE run_key = ?");
        long rejected = count(job, "SELECT COUNT(*) FROM booking_reject WHERE run_key = ?");
        assertThat(credited).isGreaterThan(1);

        // when one credited booking's lines are lost and the same command runs again (the compute step only)
        String lost = job.appDb().queryForObject(
                "SELECT MIN(booking_id) FROM credit_line WHERE run_key = ?", String.class, KEY);
        job.appDb().update("DELETE FROM credit_line WHERE run_key = ? AND booking_id = ?", KEY, lost);
        Files.delete(blocker.resolve("in-the-way"));
        Files.delete(blocker);
        JobRun.Output restart = job.runCapturing("run", "nightly", "--as-of", "2026-11-26");

        // then the run stops at the reconciliation, naming the counts, and writes no results
        assertThat(restart.exit()).isNotZero();
        assertThat(restart.text()).contains(String.format("%d bookings read, %d credited + %d rejected = %d, 0 both",
                credited + rejected, credited - 1, rejected, credited - 1 + rejected));
        assertThat(job.appDb().queryForObject("SELECT COUNT(*) FROM node_result WHERE run_key = ?", Long.class, KEY))
                .isZero();
        assertThat(blocker).doesNotExist();
    }

    @Test
    void theGateOfARestartedRunTakesTheBookingsReadTheComputeStepCheckedInAnEarlierExecution() throws Exception {
        // given a run that failed in the render step (team-b's packet folder cannot be created), after
        // its compute step checked read = credited + rejected
        JobRun job = fixture.job();
        Path blocker = job.blockPacketFolder(KEY, "team-b");
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-26")).isEqualTo(1);
        long credited = count(job, "SELECT COUNT(DISTINCT booking_id) FROM credit_line WHERE run_key = ?");
        long rejected = count(job, "SELECT COUNT(*) FROM booking_reject WHERE run_key = ?");

        // when the lines of one booking are no longer in credit_line and the run is restarted
        String gone = job.appDb().queryForObject(
                "SELECT MAX(booking_id) FROM credit_line WHERE run_key = ?", String.class, KEY);
        job.appDb().update("DELETE FROM credit_line WHERE run_key = ? AND booking_id = ?", KEY, gone);
        Files.delete(blocker);
        int exit = job.run("run", "nightly", "--as-of", "2026-11-26");

        // then the gate, in the new execution, recorded the count the compute step checked
        assertThat(exit).isZero();
        assertThat(job.appDb().queryForObject("SELECT bookings_read FROM delivery_gate WHERE run_key = ? "
                + "ORDER BY job_execution_id DESC LIMIT 1", Long.class, KEY)).isEqualTo(credited + rejected);
        assertThat(job.appDb().queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isEqualTo(2);
    }

    private static long count(JobRun job, String sql) {
        return job.appDb().queryForObject(sql, Long.class, KEY);
    }
}
