package com.salesops.packets.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.run.RunLock;
import com.salesops.packets.testing.JobFixture;
import com.salesops.packets.testing.JobRun;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Retention (docs/architecture.md, "Retention") through the command line on MariaDB, with "today" a fixed day:
 * what a purge removes (every row of the run in every job table, its folder) and what it never touches (the
 * delivery ledger, Spring Batch's tables, the latest completed run of each type, runs that are not COMPLETED),
 * status and resend of a purged key, a rerun of it, dry runs and the run lock. Fixture {@code small-org.sql}
 * plus B8, a booking cancelled after credit, so every table has rows.
 */
class RetentionJobTest {

    /**
     * The job's per-run tables that hold rows for every completed run (the tables of changes hold rows
     * only when something changed; every per-run table is counted, see {@link #rows}).
     */
    private static final List<String> JOB_TABLES =
            List.of("credit_line", "booking_reject", "team_day", "node_result", "node_month", "attainment_flag",
                    "packet", "change_run");
    /**
     * Tables with a run_key column that purge never touches: the delivery ledger, the lock, the history,
     * and the delivery gate's records (what was held and who released it: kept with the ledger).
     */
    private static final List<String> NEVER_PURGED = List.of("delivery", "run_lock", "run_history", "delivery_gate",
            "gate_release");

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    private JobRun job;

    @BeforeEach
    void b8AndOpsMail() {
        // R1, 4,000.00 credited in October, cancelled 2026-11-03 (within 30 days of October's end): a
        // CANCELLED_AFTER_CREDIT flag, so attainment_flag has rows too
        fixture.sourceDb().runSql("""
                INSERT INTO booking (booking_id, booking_date, account_name, amount, currency, booking_type, channel,
                  partner_name, status, cancelled_date, updated_at)
                VALUES ('B8', '2026-10-20', 'Granite Labs', 4000.00, 'USD', 'NEW', 'DIRECT', NULL, 'CANCELLED',
                  '2026-11-03', '2026-11-03 10:00:00');
                INSERT INTO booking_credit (booking_id, employee_id, credit_role, split_percent)
                VALUES ('B8', 'R1', 'PRIMARY', 100.00);
                """);
        job = fixture.job().with("--packets.mail.ops-to=sales-ops@example.com");
    }

    @Test
    void aRunPastRetentionIsPurgedWhenTheNextRunCompletesAndNothingElseIsTouched() throws Exception {
        // given: today 2026-12-10; nightlies kept 17 days (as-of from 2026-11-23), monthlies 1 month (from 2026-11)
        job.today(LocalDate.of(2026, 12, 10)).with("--packets.retention.nightly-days=17",
                "--packets.retention.monthly-months=1");
        String noPurge = "--packets.retention.purge-after-run=false";
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-15", noPurge)).isZero();
        // a run that failed (its packets folder is a file, so rendering fails): not COMPLETED, kept
        Files.createDirectories(job.runDir("nightly-2026-11-16"));
        Files.writeString(job.runDir("nightly-2026-11-16").resolve("packets"), "not a folder");
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-16", noPurge)).isEqualTo(1);
        // a run that completed, then a rerun of it failed in its first step (a team without its parent): the
        // history still has it COMPLETED, the job repository's latest execution of the key is FAILED: kept
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-18", noPurge)).isZero();
        fixture.sourceDb().runSql("INSERT INTO sales_team (team_id, name, parent_team_id, manager_id) "
                + "VALUES ('team-x', 'Team X', 'nowhere', NULL);");
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-18", "--rerun", noPurge)).isEqualTo(1);
        fixture.sourceDb().runSql("DELETE FROM sales_team WHERE team_id = 'team-x';");
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-20", noPurge)).isZero();
        // the only monthly: past retention (October < November) but the latest completed monthly
        assertThat(job.run("run", "monthly", "--month", "2026-10", noPurge)).isZero();
        Map<String, Map<String, Long>> before = new LinkedHashMap<>();
        for (String key : List.of("nightly-2026-11-15", "nightly-2026-11-16", "nightly-2026-11-18",
                "nightly-2026-11-20", "monthly-2026-10")) {
            before.put(key, rows(key));
        }
        for (String key : List.of("nightly-2026-11-15", "nightly-2026-11-20", "nightly-2026-11-18")) {
            assertThat(alwaysFilled(before.get(key))).as(key)
                    .allSatisfy((table, n) -> assertThat(n).as(key + " " + table).isPositive());
        }
        // as of 2026-10-31 B8 is not cancelled yet: no flag; the failed run rendered no packet
        assertThat(before.get("monthly-2026-10").get("credit_line")).isPositive();
        assertThat(before.get("nightly-2026-11-16").get("credit_line")).isPositive();
        long deliveries15 = count("SELECT COUNT(*) FROM delivery WHERE run_key = ?", "nightly-2026-11-15");
        long deliveries20 = count("SELECT COUNT(*) FROM delivery WHERE run_key = ?", "nightly-2026-11-20");
        assertThat(deliveries15).isEqualTo(3); // region, team-a, team-b
        long batchExecutions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        long batchSteps = count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION");
        long batchParams = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS");

        // when: the next nightly completes, with purge-after-run on (the default)
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-26")).isZero();

        // then: 11-15 and 11-20 (past retention, completed, not the latest nightly) are gone: every row of
        // them in every per-run table, and their folders
        for (String key : List.of("nightly-2026-11-15", "nightly-2026-11-20")) {
            for (String table : perRunTables()) {
                assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE run_key = ?", key)).as(key + " " + table)
                        .isZero();
            }
            assertThat(job.runDir(key)).doesNotExist();
        }
        // the delivery ledger and Spring Batch's tables are untouched (the new run added its own rows)
        assertThat(count("SELECT COUNT(*) FROM delivery WHERE run_key = ?", "nightly-2026-11-15")).isEqualTo(deliveries15);
        assertThat(count("SELECT COUNT(*) FROM delivery WHERE run_key = ?", "nightly-2026-11-20")).isEqualTo(deliveries20);
        // the new run: 1 execution, 7 steps (prepare, extract, compute, render, gate, deliver, summary) + 2 render
        // partitions (packets.render.threads = 2), 1 parameter
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(batchExecutions + 1);
        assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION")).isEqualTo(batchSteps + 9);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS")).isEqualTo(batchParams + 1);
        // kept: the FAILED run, the completed key whose rerun failed, the latest monthly; rows and folders as they were
        for (String key : List.of("nightly-2026-11-16", "nightly-2026-11-18", "monthly-2026-10")) {
            assertThat(rows(key)).as(key).isEqualTo(before.get(key));
            assertThat(job.runDir(key)).isDirectory();
        }
        assertThat(alwaysFilled(rows("nightly-2026-11-26"))).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
        // the history says which were purged
        assertThat(job.appDb().queryForList("SELECT run_key FROM run_history WHERE purged_at IS NOT NULL ORDER BY run_key",
                String.class)).containsExactly("nightly-2026-11-15", "nightly-2026-11-20");
        // the ops email of the run says what the purge removed
        assertThat(opsEmailText("nightly-2026-11-26")).contains("Retention: purge: removed 2 run(s) "
                + "(nightly-2026-11-15, nightly-2026-11-20): " + String.format(java.util.Locale.ROOT, "%,d",
                total(before.get("nightly-2026-11-15")) + total(before.get("nightly-2026-11-20"))) + " rows (");

        // when / then: status still lists a purged key, as purged
        JobRun.Output status = job.runCapturing("status", "--run", "nightly-2026-11-15");
        assertThat(status.exit()).isZero();
        assertThat(status.text()).contains("nightly-2026-11-15", "COMPLETED", "purged ");
        assertThat(job.runCapturing("status", "--run", "nightly-2026-11-26").text()).doesNotContain("purged ");

        // when / then: resend of a purged key exits 2 saying so
        JobRun.Output resend = job.runCapturing("resend", "--run", "nightly-2026-11-15", "--team", "team-a");
        assertThat(resend.exit()).isEqualTo(2);
        assertThat(resend.text()).contains("nightly-2026-11-15 was purged by retention");
        assertThat(count("SELECT COUNT(*) FROM delivery WHERE run_key = ?", "nightly-2026-11-15")).isEqualTo(deliveries15);

        // when: the purged key runs again with --rerun (a new instance)
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-15", "--rerun")).isZero();

        // then: its rows and folder are back, as many as before, and it is no longer purged
        assertThat(rows("nightly-2026-11-15")).isEqualTo(before.get("nightly-2026-11-15"));
        assertThat(job.runDir("nightly-2026-11-15").resolve("attainment.csv")).isRegularFile();
        assertThat(job.runCapturing("status", "--run", "nightly-2026-11-15").text()).doesNotContain("purged ");
    }

    @Test
    void dryRunRemovesNothingAndPrintsWhatItWouldAndTheLatestRunOfEachTypeIsKeptHoweverOld() throws Exception {
        // given: three runs, then today 2027-03-01: all of them past retention (14 days, 1 month)
        String noPurge = "--packets.retention.purge-after-run=false";
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-15", noPurge)).isZero();
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-20", noPurge)).isZero();
        assertThat(job.run("run", "monthly", "--month", "2026-10", noPurge)).isZero();
        job.today(LocalDate.of(2027, 3, 1)).with("--packets.retention.monthly-months=1");
        // 11-15 as if it had completed before the run history existed
        job.appDb().update("DELETE FROM run_history WHERE run_key = 'nightly-2026-11-15'");
        // 11-15 and 11-20 as if their partitions had been rendered by workers (remote mode): a claim each
        claimPartitions("nightly-2026-11-15");
        claimPartitions("nightly-2026-11-20");
        Map<String, Long> rows15 = rows("nightly-2026-11-15");
        assertThat(rows15.get("partition_claim")).isEqualTo(2); // packets.render.threads = 2 partitions
        Map<String, Long> rows20 = rows("nightly-2026-11-20");
        Map<String, Long> monthly = rows("monthly-2026-10");
        long bytes15 = folderBytes(job.runDir("nightly-2026-11-15"));
        assertThat(bytes15).isPositive();

        // when
        JobRun.Output dryRun = job.runCapturing("purge", "--dry-run");

        // then: the rows and bytes it would remove, as counted here; nothing removed
        assertThat(dryRun.exit()).isZero();
        assertThat(dryRun.text()).contains("run history: recorded 1 completed run(s) it did not know (completed before "
                + "it existed): [nightly-2026-11-15]", "would remove nightly-2026-11-15: " + String.format(java.util.Locale.ROOT,
                "%,d rows (", total(rows15)), String.format(java.util.Locale.ROOT, "), %,d bytes on disk", bytes15),
                "kept nightly-2026-11-20: the latest completed nightly",
                "kept monthly-2026-10: the latest completed monthly",
                "purge: would remove 1 run(s) (nightly-2026-11-15)", "[dry run: nothing removed]");
        assertThat(dryRun.text()).contains(perTable(rows15));
        assertThat(rows("nightly-2026-11-15")).isEqualTo(rows15);
        assertThat(folderBytes(job.runDir("nightly-2026-11-15"))).isEqualTo(bytes15);
        assertThat(job.appDb().queryForObject("SELECT COUNT(*) FROM run_history WHERE purged_at IS NOT NULL",
                Long.class)).isZero();

        // when: purge for real
        JobRun.Output purge = job.runCapturing("purge");

        // then: only 11-15 went; the latest nightly and the latest monthly stay, however old
        assertThat(purge.exit()).isZero();
        assertThat(purge.text()).contains("removed nightly-2026-11-15: " + String.format(java.util.Locale.ROOT,
                "%,d rows", total(rows15)), String.format(java.util.Locale.ROOT, "%,d bytes on disk", bytes15));
        assertThat(rows("nightly-2026-11-15")).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(job.runDir("nightly-2026-11-15")).doesNotExist();
        assertThat(rows("nightly-2026-11-20")).isEqualTo(rows20);
        assertThat(alwaysFilled(rows20)).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
        assertThat(rows("monthly-2026-10")).isEqualTo(monthly);
        assertThat(monthly.get("credit_line")).isPositive();

        // when / then: a second purge finds nothing more
        JobRun.Output again = job.runCapturing("purge");
        assertThat(again.exit()).isZero();
        assertThat(again.text()).contains("purge: nothing past retention to remove");
    }

    @Test
    @SuppressWarnings("try") // each lock is held for the duration of the purge, not used in the block
    void purgeIsRefusedWhileARunItWouldRemoveRunsAndWorksWhileAnotherKeyRuns() throws Exception {
        // given: two nightlies; today 2026-12-20: 11-15 is past retention (14 days: kept from 2026-12-06)
        String noPurge = "--packets.retention.purge-after-run=false";
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-15", noPurge)).isZero();
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-20", noPurge)).isZero();
        job.today(LocalDate.of(2026, 12, 20));
        Map<String, Long> rows15 = rows("nightly-2026-11-15");
        RunLock lock = new RunLock(fixture.appDb().dataSource(),
                new DataSourceTransactionManager(fixture.appDb().dataSource()));

        // when: nightly-2026-11-15 is running (a rerun of it holds its run lock)
        JobRun.Output refused;
        assertThat(lock.tryAcquire("nightly-2026-11-15")).isEmpty();
        try (AutoCloseable held = lock.hold("nightly-2026-11-15")) {
            refused = job.runCapturing("purge");
        }

        // then: refused, exit 3, nothing removed
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.text()).contains("purge refused: nightly-2026-11-15 is running (pid "
                + ProcessHandle.current().pid());
        assertThat(rows("nightly-2026-11-15")).isEqualTo(rows15);
        assertThat(job.runDir("nightly-2026-11-15")).isDirectory();

        // when: another key is running
        JobRun.Output purged;
        assertThat(lock.tryAcquire("nightly-2026-12-19")).isEmpty();
        try (AutoCloseable held = lock.hold("nightly-2026-12-19")) {
            purged = job.runCapturing("purge");
        }

        // then: the purge works, and it released the lock it took
        assertThat(purged.exit()).isZero();
        assertThat(rows("nightly-2026-11-15")).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(job.runDir("nightly-2026-11-15")).doesNotExist();
        assertThat(lock.holder("nightly-2026-11-15")).isEmpty();
        lock.close();
    }

    @Test
    void aRunWhoseRowsWereRemovedByHandIsNoCrashAndThePurgeRemovesWhatIsLeft() throws Exception {
        // given: two nightlies, then some rows of the later one removed by hand (half a run): the latest
        // nightly before the next one is not whole
        String noPurge = "--packets.retention.purge-after-run=false";
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-15", noPurge)).isZero();
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-20", noPurge)).isZero();
        Map<String, Long> whole = rows("nightly-2026-11-20");
        job.appDb().update("DELETE FROM credit_line WHERE run_key = 'nightly-2026-11-20' AND booking_id = 'B1'");
        job.appDb().update("DELETE FROM node_result WHERE run_key = 'nightly-2026-11-20' AND window_name = 'YEAR'");
        Map<String, Long> left = rows("nightly-2026-11-20");
        Map<String, Long> rows15 = rows("nightly-2026-11-15");
        // B1 has one credit line (R1, 100 %); the YEAR window is one of the three windows of result rows
        assertThat(left.get("credit_line")).isEqualTo(whole.get("credit_line") - 1);
        assertThat(left.get("node_result")).isEqualTo(whole.get("node_result") * 2 / 3);

        // when: the next nightly runs, and purges after it (today 2026-12-06: 14 days back is 2026-11-22)
        JobRun.Output next = job.today(LocalDate.of(2026, 12, 6)).runCapturing("run", "nightly", "--as-of", "2026-11-26");

        // then: it completes; the purge removed both earlier runs, of the half run exactly the rows left
        assertThat(next.exit()).isZero();
        assertThat(next.text()).contains("removed nightly-2026-11-20: " + String.format(java.util.Locale.ROOT,
                "%,d rows (", total(left)), "removed nightly-2026-11-15: " + String.format(java.util.Locale.ROOT, "%,d rows", total(rows15)));
        assertThat(next.text()).contains(perTable(left));
        assertThat(rows("nightly-2026-11-20")).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(rows("nightly-2026-11-15")).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(alwaysFilled(rows("nightly-2026-11-26"))).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
    }

    @Test
    void aPurgeThatFailsAfterARunNeverFailsTheRunAndTheNextPurgeFinishesIt() throws Exception {
        // given: a nightly past retention (today 2026-12-20), and another connection holding its credit lines'
        // locks; the app database gives up waiting for a lock after 1 s
        String noPurge = "--packets.retention.purge-after-run=false";
        assertThat(job.run("run", "nightly", "--as-of", "2026-11-15", noPurge)).isZero();
        Map<String, Long> rows15 = rows("nightly-2026-11-15");
        job.today(LocalDate.of(2026, 12, 20)).appUrlOptions("&sessionVariables=innodb_lock_wait_timeout=1");
        JobRun.Output next;
        try (Connection other = fixture.appDb().dataSource().getConnection()) {
            other.setAutoCommit(false);
            // record locks only (no gap locks), so the new run's own lines can go in
            other.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (Statement s = other.createStatement()) {
                s.executeQuery("SELECT * FROM credit_line WHERE run_key = 'nightly-2026-11-15' FOR UPDATE").close();
            }

            // when: the next nightly completes and its purge cannot delete those lines
            next = job.runCapturing("run", "nightly", "--as-of", "2026-11-20");
            other.rollback();
        }

        // then: the run completed (exit 0); the failure is logged and in the ops email; the lines are still there
        assertThat(next.exit()).isZero();
        assertThat(next.text()).contains("purge failed (the run itself completed; run: purge)");
        assertThat(opsEmailText("nightly-2026-11-20")).contains("Retention: purge failed");
        assertThat(job.lastStatus()).isEqualTo("COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM credit_line WHERE run_key = ?", "nightly-2026-11-15"))
                .isEqualTo(rows15.get("credit_line"));

        // when: purge again, nothing in the way
        JobRun.Output purge = job.runCapturing("purge");

        // then: it finishes the half-purged run
        assertThat(purge.exit()).isZero();
        assertThat(purge.text()).contains("removed nightly-2026-11-15: ");
        assertThat(rows("nightly-2026-11-15")).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(job.runDir("nightly-2026-11-15")).doesNotExist();
    }

    @Test
    void aRetentionOfZeroDaysIsBadConfigurationNamingTheKey() {
        // when
        JobRun.Output bad = job.runCapturing("purge", "--packets.retention.nightly-days=0");

        // then
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.text()).contains("packets.retention.nightly-days");
    }

    /**
     * A claim row per render partition of the key's executions, as a remote run's workers leave them
     * (the partitions' step executions are real; the worker is made up).
     */
    private void claimPartitions(String runKey) {
        job.appDb().update("INSERT INTO partition_claim (step_execution_id, job_execution_id, run_key, partition_name, "
                + "worker, claimed_at, heartbeat_at, finished_at, outcome) SELECT s.STEP_EXECUTION_ID, s.JOB_EXECUTION_ID, "
                + "p.PARAMETER_VALUE, s.STEP_NAME, 'worker-host:4242', s.START_TIME, s.END_TIME, s.END_TIME, s.STATUS "
                + "FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
                + "WHERE p.PARAMETER_NAME = 'runKey' AND p.PARAMETER_VALUE = ? AND s.STEP_NAME LIKE 'renderPacketPartitionStep:%'",
                runKey);
    }

    /** The run's rows in each of the job's per-run tables (every app table with a run_key that purge removes). */
    private Map<String, Long> rows(String runKey) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : perRunTables()) {
            rows.put(table, count("SELECT COUNT(*) FROM " + table + " WHERE run_key = ?", runKey));
        }
        return rows;
    }

    /** Every app table with a run_key column but the ledger, the lock and the history: each must be purged. */
    private List<String> perRunTables() {
        List<String> tables = job.appDb().queryForList("SELECT table_name FROM information_schema.columns "
                + "WHERE table_schema = ? AND column_name = 'run_key'", String.class, fixture.appDb().name()).stream()
                .map(t -> t.toLowerCase(java.util.Locale.ROOT)).filter(t -> !NEVER_PURGED.contains(t)).toList();
        assertThat(tables).containsAll(JOB_TABLES);
        return tables;
    }

    private long count(String sql, Object... args) {
        JdbcTemplate db = job.appDb();
        Long n = db.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** The counts of the tables that hold rows for every completed run. */
    private static Map<String, Long> alwaysFilled(Map<String, Long> rows) {
        Map<String, Long> filled = new LinkedHashMap<>(rows);
        filled.keySet().retainAll(JOB_TABLES);
        assertThat(filled).containsOnlyKeys(JOB_TABLES);
        return filled;
    }

    /** How purge names each table's rows in its report ("credit_line 5"), whatever the order of the tables. */
    private static String[] perTable(Map<String, Long> rows) {
        return rows.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%,d", e.getValue()))
                .toArray(String[]::new);
    }

    private static long total(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long sum = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sum += Files.size(f);
            }
            return sum;
        }
    }

    private String opsEmailText(String runKey) throws Exception {
        Path outbox = job.runDir(runKey).resolve("outbox");
        try (Stream<Path> files = Files.list(outbox)) {
            Path eml = files.filter(f -> f.getFileName().toString().startsWith("ops-summary-")).findFirst().orElseThrow();
            try (InputStream in = Files.newInputStream(eml)) {
                return (String) new MimeMessage(Session.getInstance(new Properties()), in).getContent();
            }
        }
    }
}
