package com.salesops.packets.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.JobRun;
import com.salesops.packets.testing.MariaDb;
import com.salesops.packets.testing.Tmpfs;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Faults around the job: databases that vanish, a disk that cannot be written or is full, secrets that must not leak. */
class FaultsJobTest {

    private static final String KEY = "nightly-2026-11-26";

    @Test
    void appDatabaseDownAtStartExitsOneWithoutWritingAnything(@TempDir Path out) {
        // given an app database URL where nothing listens
        try (MariaDb source = MariaDb.create("ap_src")) {
            source.runScript("/db/source/schema.sql");
            source.runScript("/fixtures/small-org.sql");

            // when
            int exit = com.salesops.packets.AttainmentPacketsApplication.run("run", "nightly", "--as-of", "2026-11-26",
                    "--spring.datasource.url=jdbc:mysql://127.0.0.1:1/nowhere?connectTimeout=2000",
                    "--spring.datasource.hikari.connection-timeout=3000",
                    "--packets.source.url=" + source.url(), "--packets.output.dir=" + out);

            // then
            assertThat(exit).isEqualTo(1);
            assertThat(out.resolve(KEY)).doesNotExist();
        }
    }

    @Test
    void unwritableOutputFailsTheRenderStepAndARestartFinishesWithEachEmailOnce(@TempDir Path out) throws Exception {
        try (MariaDb source = MariaDb.create("ap_src"); MariaDb app = MariaDb.create("ap_app")) {
            // given a regular file where the packets folder must go
            source.runScript("/db/source/schema.sql");
            source.runScript("/fixtures/small-org.sql");
            JobRun job = new JobRun(source, app, out);
            Files.createDirectories(out.resolve(KEY));
            Files.writeString(out.resolve(KEY).resolve("packets"), "in the way");

            // when
            int first = job.run("run", "nightly", "--as-of", "2026-11-26");

            // then the render step failed, after the numbers were computed
            assertThat(first).isEqualTo(1);
            assertThat(job.appDb().queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STATUS = 'COMPLETED'",
                    String.class)).contains("extractCreditsStep", "computeAttainmentStep");
            assertThat(job.lastStatus()).isEqualTo("FAILED");

            // when the disk is fixed and the same command runs again
            Files.delete(out.resolve(KEY).resolve("packets"));
            int second = job.run("run", "nightly", "--as-of", "2026-11-26");

            // then it completes from the render step: 3 packets, 3 emails, credits not redone
            assertThat(second).isZero();
            assertThat(countFiles(out.resolve(KEY).resolve("outbox"), ".eml")).isEqualTo(3);
            assertThat(countFiles(out.resolve(KEY).resolve("packets"), ".pdf")).isEqualTo(3);
            assertThat(job.appDb().queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = "
                    + "'extractCreditsStep'", Long.class)).isEqualTo(1);
        }
    }

    @Test
    void fullOutputDiskFailsTheRenderStepLeavesNoPartFileAsRenderedAndARestartFinishesWithEachEmailOnce(
            @TempDir Path out) throws Exception {
        Path packetsDir = out.resolve(KEY).resolve("packets");
        try (MariaDb source = MariaDb.create("ap_src"); MariaDb app = MariaDb.create("ap_app");
             Tmpfs disk = Tmpfs.mount(packetsDir, "256k")) {
            // given a packets folder on a 256 KiB file system: room for the first of the three packets (about
            // 165 KB each, mostly the PDF's fonts) and not the second, rendered one after the other
            source.runScript("/db/source/schema.sql");
            source.runScript("/fixtures/small-org.sql");
            JobRun job = new JobRun(source, app, out).with("--packets.render.threads=1");

            // when
            int first = job.run("run", "nightly", "--as-of", "2026-11-26");

            // then the render step failed on ENOSPC, after the numbers were committed, and nothing was sent
            assertThat(first).isEqualTo(1);
            assertThat(job.lastStatus()).isEqualTo("FAILED");
            JdbcTemplate appDb = job.appDb();
            assertThat(appDb.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STATUS = 'COMPLETED'",
                    String.class)).contains("extractCreditsStep", "computeAttainmentStep")
                    .doesNotContain("renderPacketsStep", "deliverPacketsStep");
            assertThat(appDb.queryForObject("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = "
                    + "'renderPacketsStep'", String.class)).isEqualTo("FAILED");
            assertThat(appDb.queryForList("SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STATUS = 'FAILED'",
                    String.class)).anyMatch(m -> m.contains("No space left on device"));
            assertThat(Files.exists(out.resolve(KEY).resolve("outbox"))
                    ? countFiles(out.resolve(KEY).resolve("outbox"), ".eml") : 0).isZero();
            // and no half-written file: no temp file left, each packet marked RENDERED is whole on disk, and
            // the packet that hit the full disk has no PDF
            assertThat(countFiles(packetsDir, ".tmp")).isZero();
            List<Map<String, Object>> renderedBefore = renderedPackets(appDb);
            assertThat(renderedBefore).hasSizeBetween(1, 2);
            assertWhole(renderedBefore);
            assertThat(countFiles(packetsDir, ".pdf")).as("PDFs on disk (only those of RENDERED packets)")
                    .isEqualTo(renderedBefore.size());

            // when the disk is grown and the same command runs again
            disk.resize("64m");
            int second = job.run("run", "nightly", "--as-of", "2026-11-26");

            // then it completes from the render step: 3 whole packets, each manager emailed once, credits not redone
            assertThat(second).isZero();
            List<Map<String, Object>> rendered = renderedPackets(appDb);
            assertThat(rendered).hasSize(3);
            assertWhole(rendered);
            assertThat(countFiles(packetsDir, ".tmp")).isZero();
            assertThat(countFiles(packetsDir, ".pdf")).isEqualTo(3);
            assertThat(recipients(out.resolve(KEY).resolve("outbox"))).hasSize(3).doesNotHaveDuplicates();
            assertThat(appDb.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = "
                    + "'extractCreditsStep'", Long.class)).isEqualTo(1);
        }
    }

    private static List<Map<String, Object>> renderedPackets(JdbcTemplate appDb) {
        return appDb.queryForList("SELECT team_id, xlsx_path, pdf_path, xlsx_bytes, pdf_bytes FROM packet "
                + "WHERE run_key = ? AND status = 'RENDERED'", KEY);
    }

    /** Each file exists with the size recorded and reads back whole: the workbook as a zip, the PDF as a PDF. */
    private static void assertWhole(List<Map<String, Object>> rendered) throws Exception {
        for (Map<String, Object> p : rendered) {
            Path xlsx = Path.of((String) p.get("xlsx_path"));
            Path pdf = Path.of((String) p.get("pdf_path"));
            assertThat(Files.size(xlsx)).as("%s", xlsx).isEqualTo(((Number) p.get("xlsx_bytes")).longValue());
            assertThat(Files.size(pdf)).as("%s", pdf).isEqualTo(((Number) p.get("pdf_bytes")).longValue());
            try (ZipFile zip = new ZipFile(xlsx.toFile())) {
                assertThat(zip.getEntry("xl/workbook.xml")).as("%s", xlsx).isNotNull();
            }
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertThat(document.getNumberOfPages()).as("%s", pdf).isPositive();
            }
        }
    }

    /** The To address of every email in the outbox. */
    private static List<String> recipients(Path outbox) throws Exception {
        List<String> to = new ArrayList<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(eml)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    to.add(String.valueOf(message.getHeader("To", ",")));
                }
            }
        }
        return to;
    }

    @Test
    void sourceConnectionDroppedDuringExtractionRestartsToExactlyTheTotalsOfACleanRun(@TempDir Path dir) throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 26);
        try (MariaDb source = MariaDb.create("ap_src"); MariaDb app = MariaDb.create("ap_app");
             MariaDb cleanApp = MariaDb.create("ap_app")) {
            // given demo data, a small chunk size so the extraction takes many commits, and cursor fetch so
            // the server sends rows as they are asked for (a streamed result would sit whole in the socket buffers)
            new DemoDataGenerator(DemoSize.small()).generate(source.dataSource(), asOf);
            JobRun job = new JobRun(source, app, dir.resolve("faulty")).sourceUrlOptions("&useCursorFetch=true")
                    .with("--packets.extract.chunk-size=20");
            JdbcTemplate appDb = job.appDb();

            // when the source connections are killed once some chunks are committed
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> job.run("run", "nightly", "--as-of",
                    asOf.toString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (countCredited(appDb) < 2_000 && System.nanoTime() < deadline && !first.isDone()) {
                Thread.sleep(20);
            }
            killConnectionsTo(source);
            int firstExit = first.get(5, TimeUnit.MINUTES);

            // then the run failed in extraction, having committed part of it
            assertThat(firstExit).isEqualTo(1);
            long committed = countCredited(appDb);
            assertThat(committed).isPositive();

            // when the same command runs again
            int secondExit = job.run("run", "nightly", "--as-of", asOf.toString());

            // then it resumes and ends with exactly the files of a clean run
            assertThat(secondExit).isZero();
            int cleanExit = new JobRun(source, cleanApp, dir.resolve("clean")).run("run", "nightly", "--as-of", asOf.toString());
            assertThat(cleanExit).isZero();
            for (String file : List.of("attainment.csv", "rejects.csv", "flags.csv")) {
                assertThat(Files.readString(dir.resolve("faulty").resolve(KEY).resolve(file)))
                        .as(file).isEqualTo(Files.readString(dir.resolve("clean").resolve(KEY).resolve(file)));
            }
            assertThat(Files.readString(dir.resolve("faulty").resolve(KEY).resolve("run-summary.json"))).contains("\"holds\" : true");
        }
    }

    @Test
    void passwordsNeverAppearInLogsStatusOutputsOrSummaries(@TempDir Path out) throws Exception {
        String password = "Sup3r-S3cret-" + Long.toHexString(System.nanoTime());
        try (MariaDb source = MariaDb.create("ap_src"); MariaDb app = MariaDb.create("ap_app")) {
            // given a database user with a password, and an SMTP password that is never used (outbox)
            source.runScript("/db/source/schema.sql");
            source.runScript("/fixtures/small-org.sql");
            String user = "ap_" + Long.toHexString(System.nanoTime()).substring(0, 8);
            source.runSql("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "';"
                    + "\nGRANT ALL ON " + source.name() + ".* TO '" + user + "'@'%';"
                    + "\nGRANT ALL ON " + app.name() + ".* TO '" + user + "'@'%';");
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            int exit;
            int statusExit;
            try {
                PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
                System.setOut(tee);
                System.setErr(tee);
                // when
                String[] connection = {"--spring.datasource.url=" + app.url(), "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--packets.source.url=" + source.url(), "--packets.source.username=" + user,
                        "--packets.source.password=" + password, "--packets.output.dir=" + out,
                        "--spring.mail.password=" + password, "--logging.level.root=DEBUG", JobRun.REJECT_RULE_OFF};
                exit = com.salesops.packets.AttainmentPacketsApplication.run(concat(
                        new String[] {"run", "nightly", "--as-of", "2026-11-26"}, connection));
                // and what ops look at afterwards
                statusExit = com.salesops.packets.AttainmentPacketsApplication.run(concat(new String[] {"status"}, connection));
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
                source.runSql("DROP USER '" + user + "'@'%';");
            }

            // then
            assertThat(exit).isZero();
            assertThat(statusExit).isZero();
            assertThat(captured.toString(StandardCharsets.UTF_8)).contains("completed", KEY).doesNotContain(password);
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                            .doesNotContain(password);
                }
            }
            JdbcTemplate appDb = new JdbcTemplate(app.dataSource());
            assertThat(appDb.queryForList("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS", String.class))
                    .noneMatch(v -> v != null && v.contains(password));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static long countCredited(JdbcTemplate appDb) {
        try {
            Long n = appDb.queryForObject("SELECT COUNT(DISTINCT booking_id) FROM credit_line", Long.class);
            return n == null ? 0 : n;
        } catch (org.springframework.dao.DataAccessException notYetMigrated) {
            return 0;
        }
    }

    private static void killConnectionsTo(MariaDb source) {
        JdbcTemplate admin = new JdbcTemplate(source.dataSource());
        List<Long> ids = admin.queryForList("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()",
                Long.class, source.name());
        for (Long id : ids) {
            admin.execute("KILL CONNECTION " + id);
        }
    }

    private static long countFiles(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).count();
        }
    }
}
