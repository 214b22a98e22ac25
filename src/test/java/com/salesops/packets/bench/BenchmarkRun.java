package com.salesops.packets.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.AttainmentPacketsApplication;
import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.demo.DemoSummary;
import com.salesops.packets.demo.OrgShape;
import com.salesops.packets.packet.excel.DealsSheetBench;
import com.salesops.packets.testing.MariaDb;
import com.salesops.packets.testing.SinkSmtp;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark (issue "Fast at the size of a large sales org"): not a unit test. Run it with
 * {@code ./mvnw -Pbench verify -Dbench.sizes=S,M,L -Dbench.runs=3}; it generates each size into
 * MariaDB, runs the nightly job as of the fiscal year end (so the run sees a whole year) with
 * emails to a local sink SMTP server (testing/SinkSmtp: accepts and counts), and prints per-step times, rates, render percentiles,
 * emails/s, peak heap and the raw extraction query time. Results also go to target/bench/results.md.
 */
class BenchmarkRun {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    private static final Map<String, DemoSize> SIZES = Map.of(
            "S", DemoSize.small(),
            "M", DemoSize.scaled(1_000, 300_000),
            "L", DemoSize.scaled(5_000, 2_000_000));

    private boolean launcherPrepared;

    /** The median wall time of the size's first set of new-JVM runs, for the peer's ratio. */
    private Double coldWall;

    @Test
    void benchmark() throws Exception {
        List<String> sizes = List.of(System.getProperty("bench.sizes", "S").split(","));
        // flat (root → areas → teams) or deep (root → areas → geos → regions → teams): -Dbench.shape=flat,deep
        List<OrgShape> shapes = Arrays.stream(System.getProperty("bench.shape", "flat").split(","))
                .map(s -> OrgShape.valueOf(s.strip().toUpperCase(Locale.ROOT))).toList();
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        if (!System.getProperty("bench.peerSizes", "").isBlank()) {
            checkPeer();
        }
        String bufferPoolMb = System.getProperty("bench.bufferPoolMb", "");
        if (!bufferPoolMb.isBlank()) {
            // the app database's server setting for the session's runs (README: size it to hold a run's credit rows)
            serverSql("SET GLOBAL innodb_buffer_pool_size = " + Long.parseLong(bufferPoolMb) * 1024 * 1024);
            Thread.sleep(2000);
        }
        StringBuilder report = new StringBuilder();
        report.append("## Benchmark ").append(ZonedDateTime.now().withNano(0)).append(" on ")
                .append(InetAddress.getLocalHost().getHostName()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB, commit ")
                .append(gitCommit()).append("\n\n")
                .append("MariaDB: ").append(serverSql("SELECT CONCAT(@@version, ', innodb_buffer_pool_size ', "
                        + "@@innodb_buffer_pool_size DIV 1048576, ' MB, innodb_flush_log_at_trx_commit ', "
                        + "@@innodb_flush_log_at_trx_commit, ', local_infile ', @@local_infile)"))
                .append("\n\n");
        if (Integer.getInteger("bench.workers", 0) > 0) {
            report.append("Render step in remote mode on ").append(Integer.getInteger("bench.workers"))
                    .append(" worker processes on this machine (RabbitMQ on 127.0.0.1)\n\n");
        }
        if (!System.getProperty("bench.jobArgs", "").isBlank()) {
            report.append("Job arguments added: `").append(System.getProperty("bench.jobArgs").strip()).append("`\n\n");
        }
        if (!"false".equals(System.getProperty("bench.sheet", "true"))) {
            report.append(dealsSheet());
        }
        for (OrgShape shape : shapes) {
            for (String size : sizes) {
                report.append(benchSize(size.strip(), shape, runs));
            }
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        assertThat(report).contains("median");
    }

    /**
     * A 200,000-line Deals sheet (the largest a packet holds by default) written alone, in this JVM,
     * beside its floor: the same sheet XML only deflated into a zip (-Dbench.sheet=false skips it).
     */
    private static String dealsSheet() throws IOException {
        DealsSheetBench.Result r = DealsSheetBench.measure(200_000, 7);
        return String.format(Locale.US, "### A %,d-line Deals sheet, alone%n%n"
                + "A packet whose Deals sheet holds %,d lines (held in memory: no database or spool time), written "
                + "as a whole workbook 7 times in the benchmark's JVM: first write %,d ms, median of the other six "
                + "%,d ms (%,d bytes of sheet XML, a %,d-byte workbook). Floor: the same sheet XML, already made, "
                + "deflated at the workbook's level into a zip file: %,d ms (the workbook is %.1f times the floor)."
                + "%n%n", r.lines(), r.lines(), r.firstMs(), r.medianMs(), r.sheetXmlBytes(), r.xlsxBytes(),
                r.floorMs(), r.floorMs() == 0 ? 0.0 : (double) r.medianMs() / r.floorMs());
    }

    private String benchSize(String size, OrgShape shape, int runs) throws Exception {
        DemoSize demo = SIZES.get(size).withShape(shape);
        StringBuilder r = new StringBuilder("### Size " + size + ", " + shape.name().toLowerCase(Locale.ROOT)
                + " org\n\n");
        try (MariaDb source = MariaDb.create("ap_bench_src")) {
            long t0 = System.nanoTime();
            DemoSummary generated = new DemoDataGenerator(demo).generate(source.dataSource(), AS_OF);
            r.append(String.format(Locale.US, "generated %,d employees, %,d teams, %,d bookings in %.1f s%n%n",
                    generated.employees(), generated.teams(), generated.bookings(), secs(System.nanoTime() - t0)));
            double rawQuery = rawExtraction(source);
            if (!Boolean.getBoolean("bench.coldOnly")) {
                List<Map<String, Double>> results = new ArrayList<>();
                if (Boolean.getBoolean("bench.sameAppDb")) {
                    // one app database and output folder for the size's runs, the 2nd and later with --rerun;
                    // workers (-Dbench.workers) start once and stay up across the runs, as in production
                    try (SharedRuns shared = SharedRuns.start(source)) {
                        for (int i = 0; i < runs; i++) {
                            results.add(runOnce(source, i, shared));
                        }
                    }
                    r.append("One app database for the runs (runs 2 and later with `--rerun`)"
                            + (Integer.getInteger("bench.workers", 0) > 0 ? ", the workers up across them" : "")
                            + ":\n\n");
                } else {
                    for (int i = 0; i < runs; i++) {
                        results.add(runOnce(source, i, null));
                    }
                }
                r.append("In the benchmark's JVM (warm after the first run):\n\n");
                table(r, results);
            }
            r.append(String.format(Locale.US, "%nraw extraction query streamed by the mariadb client to /dev/null: %.1f s%n%n",
                    rawQuery));
            if (List.of(System.getProperty("bench.coldSizes", "S").split(",")).contains(size)) {
                if (!launcherPrepared) {
                    r.append(prepareLauncher());
                    launcherPrepared = true;
                }
                // -Dbench.coldJvmArgs="A|B": each set of JVM options in turn, each with its own table
                for (String jvmArgs : System.getProperty("bench.coldJvmArgs", "").split("\\|", -1)) {
                    List<Map<String, Double>> cold = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        cold.add(coldRun(source, jvmArgs));
                    }
                    if (coldWall == null) {
                        coldWall = median(cold, "wall s, process start to exit");
                    }
                    r.append("A new JVM per run (`PACKETS_JAVA_OPTS=\"-Xmx1g")
                            .append(jvmArgs.isBlank() ? "" : " " + jvmArgs.strip())
                            .append("\" bin/packets run nightly ...`, as cron starts it: JVM start, "
                                    + "class loading and JIT warm-up included")
                            .append(Boolean.getBoolean("bench.previous") ? "; each after an untimed nightly of the day "
                                    + "before in the same app database, so it has a previous run" : "")
                            .append("):\n\n");
                    table(r, cold);
                    r.append('\n');
                    floors(r, cold, rawQuery);
                }
            }
            if (List.of(System.getProperty("bench.peerSizes", "").split(",")).contains(size)) {
                r.append(peer(source, runs, coldWall));
            }
            coldWall = null;
        }
        return r.toString();
    }

    private static double median(List<Map<String, Double>> runs, String key) {
        return median(runs.stream().map(m -> m.get(key)).toList());
    }

    /** The middle value; for an even count the mean of the two middle ones. */
    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The peer (issue 13): the Python script a sales-ops analyst would write for the same packets with
     * pandas, openpyxl and reportlab (src/test/python/peer_packets.py, Debian's python3 packages), run
     * on the same source database, on {@code -Dbench.peerProcesses} processes (default 2: the cores
     * the job renders on here). Its wall time, process start to exit, beside the job's median in a new
     * JVM (the size must be in {@code bench.coldSizes} for that).
     */
    private static String peer(MariaDb source, int runs, Double jobWall) throws Exception {
        int processes = Integer.getInteger("bench.peerProcesses", 2);
        int peerRuns = Math.max(1, Integer.getInteger("bench.peerRuns", runs));
        Path log = Path.of("target", "bench", "peer.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        URI server = URI.create(source.url().substring("jdbc:".length()));
        List<Double> walls = new ArrayList<>();
        String summary = "";
        for (int i = 0; i < peerRuns; i++) {
            Path out = Files.createTempDirectory("bench-peer");
            try {
                List<String> command = List.of(python(), peerScript().toString(),
                        "--host", server.getHost(), "--port", Integer.toString(server.getPort() < 0 ? 3306 : server.getPort()),
                        "--user", source.user(), "--password", source.password(), "--database", source.name(),
                        "--as-of", AS_OF.toString(), "--out", out.toString(), "--processes", Integer.toString(processes));
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                assertThat(p.waitFor()).as("the peer script (its log: %s)", log.toAbsolutePath()).isZero();
                walls.add(secs(System.nanoTime() - t0));
                summary = Files.readAllLines(log).stream().filter(l -> l.startsWith("peer: ")).reduce((a, b) -> b)
                        .orElse("");
            } finally {
                deleteTree(out);
            }
        }
        double median = median(walls);
        StringBuilder r = new StringBuilder(String.format(Locale.US, "The peer (`src/test/python/peer_packets.py`: "
                + "pandas, openpyxl, reportlab; `--processes %d`) on the same source database, process start to "
                + "exit: ", processes));
        for (int i = 0; i < walls.size(); i++) {
            r.append(i == 0 ? "" : ", ").append(String.format(Locale.US, "%.1f s", walls.get(i)));
        }
        r.append(String.format(Locale.US, " (median %.1f s; it says: `%s`).", median, summary));
        if (jobWall != null) {
            r.append(String.format(Locale.US, " The job's median in a new JVM (the first set of options above): "
                    + "%.1f s: the peer takes %.1f times as long.", jobWall, median / jobWall));
        } else {
            r.append(" No ratio: the job did not run this size in a new JVM (add it to `-Dbench.coldSizes`).");
        }
        return r.append("\n\n").toString();
    }

    private static String python() {
        return System.getProperty("bench.python", "/usr/bin/python3");
    }

    private static Path peerScript() {
        return Path.of(System.getProperty("bench.peerScript", "src/test/python/peer_packets.py")).toAbsolutePath();
    }

    /**
     * Before any run, when the peer is asked for: its Python and libraries are there (a missing package
     * would otherwise fail the benchmark after the job's runs, and lose their figures).
     */
    private static void checkPeer() throws Exception {
        Process p = new ProcessBuilder(python(), "-c", "import pandas, openpyxl, reportlab, pymysql")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("the peer needs %s with pandas, openpyxl, reportlab and pymysql (Debian: apt-get "
                + "install python3-pandas python3-openpyxl python3-reportlab python3-pymysql): %s", python(), output)
                .isZero();
        assertThat(peerScript()).exists();
    }

    private static void table(StringBuilder r, List<Map<String, Double>> results) {
        int runs = results.size();
        r.append("| figure | ");
        for (int i = 0; i < runs; i++) {
            r.append("run ").append(i + 1).append(" | ");
        }
        r.append("median |\n|---|");
        r.append("---|".repeat(runs + 1)).append('\n');
        for (String key : results.get(0).keySet()) {
            r.append("| ").append(key).append(" | ");
            for (Map<String, Double> m : results) {
                r.append(figure(key, m.get(key))).append(" | ");
            }
            r.append(figure(key, median(results, key))).append(" |\n");
        }
    }

    /** A table's value: cores to two decimals, everything else to one. */
    private static String figure(String key, double value) {
        return String.format(Locale.US, key.contains("cores") ? "%,.2f" : "%,.1f", value);
    }

    /** The nightly command line of one run (plus -Dbench.jobArgs). */
    private static List<String> jobArgs(MariaDb source, MariaDb app, Path out, SinkSmtp smtp) {
        return jobArgs(source, app, out, smtp, AS_OF);
    }

    private static List<String> jobArgs(MariaDb source, MariaDb app, Path out, SinkSmtp smtp, LocalDate asOf) {
        List<String> args = new ArrayList<>(List.of("run", "nightly", "--as-of", asOf.toString(), "--allow-future",
                "--spring.datasource.url=" + app.url(), "--spring.datasource.username=" + app.user(),
                "--spring.datasource.password=" + app.password(),
                "--packets.source.url=" + source.url(), "--packets.source.username=" + source.user(),
                "--packets.source.password=" + source.password(), "--packets.output.dir=" + out,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
                "--logging.level.com.salesops.packets=WARN",
                // each step's CPU time in cores (run/StepTimer): the render step's shows it keeps the cores busy
                "--logging.level.com.salesops.packets.run.StepTimer=DEBUG"));
        // --allow-future: the fiscal year end is after today until the year is over (the data is generated up to it)
        // e.g. -Dbench.jobArgs="--packets.render.threads=3": settings to compare, printed with the figures
        String extra = System.getProperty("bench.jobArgs", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.strip().split("\\s+")));
        }
        return args;
    }

    /**
     * One run in a new JVM started by the launcher as cron starts it ({@code bin/packets}, the built jar,
     * {@code PACKETS_JAVA_OPTS=-Xmx1g}, class-data sharing as the launcher prepares it), timed from
     * process start to exit: what cron sees, JVM start and class loading included.
     */
    private static Map<String, Double> coldRun(MariaDb source, String jvmArgs) throws Exception {
        SinkSmtp smtp = new SinkSmtp();
        Path out = Files.createTempDirectory("bench-cold");
        try (MariaDb app = MariaDb.create("ap_bench_app")) {
            // the collector's log gives the largest heap after a collection in the new JVM
            Path gcLog = Path.of("target", "bench", "cold-gc.log").toAbsolutePath();
            Files.createDirectories(gcLog.getParent());
            Files.deleteIfExists(gcLog);
            // e.g. -Dbench.coldJvmArgs=-XX:StartFlightRecording=filename=target/bench/cold.jfr,settings=profile
            String javaOpts = "-Xmx1g -Djava.awt.headless=true -Xlog:gc:file=" + gcLog
                    + (jvmArgs.isBlank() ? "" : " " + jvmArgs.strip());
            if (Boolean.getBoolean("bench.previous")) {
                // -Dbench.previous=true: the nightly of the day before first, untimed, in the same app database
                // and output folder, so the timed run is a nightly as production has it: with a previous run
                // to compare with (changes since the last run, the delivery gate's drop rule)
                Path previousLog = Path.of("target", "bench", "cold-previous-run.log");
                Files.createDirectories(previousLog.getParent());
                Process previous = launch(jobArgs(source, app, out, smtp, AS_OF.minusDays(1)),
                        "-Xmx1g -Djava.awt.headless=true", previousLog);
                assertThat(previous.waitFor()).as("the previous day's run (its log: %s)", previousLog.toAbsolutePath())
                        .isZero();
            }
            long previousEmails = smtp.messages();
            long t0 = System.nanoTime();
            // the run's own log, kept for a failed run (target/bench/cold-run.log, the last run's)
            Path log = Path.of("target", "bench", "cold-run.log");
            Files.createDirectories(log.getParent());
            int exit = launch(jobArgs(source, app, out, smtp), javaOpts, log).waitFor();
            double wall = secs(System.nanoTime() - t0);
            long emails = smtp.messages() - previousEmails;
            assertThat(exit).as("cold run exit code (its log: %s)", log.toAbsolutePath()).isZero();
            assertThat(emails).as("emails of the cold run").isPositive();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("wall s, process start to exit", wall);
            String summary = Files.readString(out.resolve("nightly-" + AS_OF).resolve("run-summary.json"));
            Map<String, Double> steps = stepTimes(summary);
            steps.forEach((step, ms) -> m.put(step + " s", ms / 1000));
            Matcher cpu = Pattern.compile("renderPacketsStep: [\\d.]+ s, JVM on CPU [\\d.]+ s = ([\\d.]+) cores of \\d+")
                    .matcher(Files.readString(log));
            m.put("renderPacketsStep: the JVM on CPU, cores of " + Runtime.getRuntime().availableProcessors(),
                    cpu.find() ? Double.parseDouble(cpu.group(1)) : Double.NaN);
            double deliver = steps.getOrDefault("deliverPacketsStep", 0.0) / 1000;
            m.put("emails/s", deliver > 0 ? emails / deliver : 0);
            m.put("max heap after GC MB (of 1024)", maxHeapAfterGcMb(gcLog));
            if (bulkLoadFloor == null) {
                bulkLoadFloor = bulkLoad(app);
            }
            return m;
        } finally {
            smtp.close();
            deleteTree(out);
        }
    }

    /** {@code bin/packets} with {@code args} in its own process, as cron starts it, its output to {@code log}. */
    private static Process launch(List<String> args, String javaOpts, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PACKETS_JAVA_OPTS", javaOpts);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    /** {@code bin/packets} (the bench profile passes its path; it starts {@code target/attainment-packets.jar}). */
    private static Path launcher() {
        return Path.of(System.getProperty("bench.launcher", "bin/packets")).toAbsolutePath();
    }

    /**
     * Calls the launcher once before the runs in a new JVM, so that the class-data-sharing archive it
     * prepares once per build (docs/performance.md, "Start-up") is not in the first run's time.
     */
    private static String prepareLauncher() throws Exception {
        long t0 = System.nanoTime();
        Path log = Path.of("target", "bench", "launcher-prepare.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(launcher().toString(), "help").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        int exit = pb.start().waitFor();
        assertThat(exit).as("bin/packets help (its log: %s)", log.toAbsolutePath()).isZero();
        boolean shared = Files.exists(launcher().getParent().resolveSibling("target").resolve("app")
                .resolve("attainment-packets.jsa"));
        return String.format(Locale.US, "The launcher's first call (`bin/packets help`, which prepares class-data "
                + "sharing once per build when its archive is missing or stale) took %.1f s; class-data sharing: %s.%n%n",
                secs(System.nanoTime() - t0), shared ? "on" : "off (no archive)");
    }

    /** The floors beside the runs' medians: the raw query (extract, read side) and the bulk load (write side). */
    private static void floors(StringBuilder r, List<Map<String, Double>> runs, double rawQuery) {
        double median = median(runs.stream().map(m -> m.getOrDefault("extractCreditsStep s", 0.0)).toList());
        r.append(String.format(Locale.US, "Floors: the raw extraction query %.1f s; a bulk load of the run's credit "
                + "lines by the mariadb client (`LOAD DATA LOCAL INFILE` into an empty copy of `credit_line`) %.1f s; "
                + "together %.1f s. Extract step median %.1f s = %.1f times the raw query, %.1f times the two "
                + "together.%n%n", rawQuery, bulkLoadFloor, rawQuery + bulkLoadFloor, median, median / rawQuery,
                median / (rawQuery + bulkLoadFloor)));
        bulkLoadFloor = null;
    }

    /** The bulk-load floor of the size being measured (s), from its first run in a new JVM. */
    private static Double bulkLoadFloor;

    /** The largest "before->after(total)" after-value of a unified GC log, in MB. */
    private static double maxHeapAfterGcMb(Path gcLog) throws IOException {
        Matcher m = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        double max = 0;
        while (m.find()) {
            max = Math.max(max, Double.parseDouble(m.group(1)));
        }
        return max;
    }

    /**
     * The extract step's floor: the run's credit lines, dumped by the mariadb client to a tab-separated
     * file, loaded by the client into an empty copy of {@code credit_line} with {@code LOAD DATA LOCAL
     * INFILE} (the same statement the job uses). Returns the load's seconds.
     */
    private static double bulkLoad(MariaDb app) throws IOException, InterruptedException {
        List<String> columns = new JdbcTemplate(app.dataSource()).queryForList("SELECT column_name FROM "
                + "information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'credit_line' "
                + "ORDER BY ordinal_position", String.class);
        String select = "SELECT CONCAT_WS('\\t', " + String.join(", ", columns.stream()
                .map(c -> "COALESCE(`" + c + "`, '\\\\N')").toList()) + ") FROM credit_line WHERE run_key = 'nightly-"
                + AS_OF + "'";
        Path tsv = Files.createTempFile("bench-lines", ".tsv");
        try {
            Process dump = new ProcessBuilder("mariadb", "--quick", "--batch", "--raw", "--skip-column-names",
                    "-h127.0.0.1", "-uroot", app.name(), "-e", select).redirectOutput(tsv.toFile()).start();
            assertThat(dump.waitFor()).as("dump of credit_line").isZero();
            String load = "CREATE TABLE floor_line LIKE credit_line; LOAD DATA LOCAL INFILE '" + tsv
                    + "' INTO TABLE floor_line (" + String.join(", ", columns.stream().map(c -> "`" + c + "`").toList())
                    + "); DROP TABLE floor_line;";
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("mariadb", "--local-infile=1", "-h127.0.0.1", "-uroot", app.name(), "-e",
                    load).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("bulk load of credit_line: %s", output).isZero();
            return secs(System.nanoTime() - t0);
        } finally {
            Files.deleteIfExists(tsv);
        }
    }

    /** -Dbench.sameAppDb=true: the app database, output folder and workers the runs of one size share. */
    private static final class SharedRuns implements AutoCloseable {

        private final MariaDb app;
        private final Path out;
        private List<Process> workers;
        /** The remote-mode settings the workers were started with, for the runs after the first. */
        private List<String> remote = List.of();

        private SharedRuns(MariaDb app, Path out) {
            this.app = app;
            this.out = out;
        }

        static SharedRuns start(MariaDb source) throws Exception {
            return new SharedRuns(MariaDb.create("ap_bench_app"), Files.createTempDirectory("bench-out"));
        }

        /** The run's arguments; the first call starts the workers with them. */
        List<String> args(MariaDb source, SinkSmtp smtp, int i) throws Exception {
            List<String> args = jobArgs(source, app, out, smtp);
            if (workers == null) {
                workers = startWorkers(args, out);
                remote = args.stream().filter(a -> a.startsWith("--packets.render.mode=")
                        || a.startsWith("--packets.workers.queue=")).toList();
            } else {
                args.addAll(remote);
            }
            if (i > 0) {
                args.add("--rerun");
            }
            return args;
        }

        @Override
        public void close() throws IOException {
            try {
                if (workers != null) {
                    stopWorkers(workers);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                app.close();
                deleteTree(out);
            }
        }
    }

    private Map<String, Double> runOnce(MariaDb source, int i, SharedRuns shared) throws Exception {
        SinkSmtp smtp = new SinkSmtp();
        Path out = shared != null ? shared.out : Files.createTempDirectory("bench-out");
        MariaDb app = shared != null ? shared.app : MariaDb.create("ap_bench_app");
        try {
            resetPeakHeap();
            List<String> args = shared != null ? shared.args(source, smtp, i) : jobArgs(source, app, out, smtp);
            List<Process> workers = shared != null ? List.of() : startWorkers(args, out);
            long t0 = System.nanoTime();
            int exit;
            try {
                exit = AttainmentPacketsApplication.run(args.toArray(String[]::new));
            } finally {
                stopWorkers(workers);
            }
            double total = secs(System.nanoTime() - t0);
            assertThat(exit).as("run %d", i + 1).isZero();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("total s (start to last email + summary)", total);
            String summary = Files.readString(out.resolve("nightly-" + AS_OF).resolve("run-summary.json"));
            double read = number(summary, "read");
            Map<String, Double> steps = stepTimes(summary);
            steps.forEach((step, ms) -> m.put(step + " s", ms / 1000));
            double extract = steps.getOrDefault("extractCreditsStep", 0.0) / 1000;
            m.put("bookings read", read);
            m.put("extract bookings/s", extract > 0 ? read / extract : 0);
            JdbcTemplate jdbc = new JdbcTemplate(app.dataSource());
            List<Long> renderMs = jdbc.queryForList("SELECT render_ms FROM packet ORDER BY render_ms", Long.class);
            m.put("packets", (double) renderMs.size());
            m.put("render p50 ms", (double) percentile(renderMs, 50));
            m.put("render p90 ms", (double) percentile(renderMs, 90));
            m.put("render max ms", (double) percentile(renderMs, 100));
            Map<String, Object> slowest = jdbc.queryForMap("SELECT render_ms, xlsx_ms, pdf_ms FROM packet "
                    + "ORDER BY render_ms DESC LIMIT 1");
            m.put("slowest packet: Excel ms", ((Number) slowest.get("xlsx_ms")).doubleValue());
            m.put("slowest packet: PDF ms", ((Number) slowest.get("pdf_ms")).doubleValue());
            // a typical team packet: first-line teams (no child team), files written warm (after the first)
            List<Long> teamPdf = jdbc.queryForList("SELECT pdf_ms FROM packet WHERE team_id LIKE '%-%' "
                    + "ORDER BY rendered_at", Long.class);
            List<Long> teamXlsx = jdbc.queryForList("SELECT xlsx_ms FROM packet WHERE team_id LIKE '%-%' "
                    + "ORDER BY rendered_at", Long.class);
            m.put("team packet PDF p50 ms (warm)", (double) percentile(sortedWarm(teamPdf), 50));
            m.put("team packet Excel p50 ms (warm)", (double) percentile(sortedWarm(teamXlsx), 50));
            double deliver = steps.getOrDefault("deliverPacketsStep", 0.0) / 1000;
            m.put("emails received", (double) smtp.messages());
            m.put("emails/s", deliver > 0 ? smtp.messages() / deliver : 0);
            m.put("email MB sent", smtp.bytes() / (1024.0 * 1024.0));
            m.put("max heap after GC MB (of " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + ")", peakHeapMb());
            return m;
        } finally {
            smtp.close();
            if (shared == null) {
                app.close();
                deleteTree(out);
            }
        }
    }

    /**
     * -Dbench.workers=N (N > 0): the run renders in remote mode (docs/architecture.md) on N worker processes
     * (java -Xmx1g, the test classpath, one partition at a time each) over the local RabbitMQ, with a
     * queue of its own; {@code args} get the remote mode. The workers are up before the clock starts.
     */
    private static List<Process> startWorkers(List<String> args, Path out) throws Exception {
        int n = Integer.getInteger("bench.workers", 0);
        List<Process> workers = new ArrayList<>();
        if (n <= 0) {
            return workers;
        }
        String queue = "packets.bench." + System.nanoTime();
        args.addAll(List.of("--packets.render.mode=remote", "--packets.workers.queue=" + queue));
        for (int i = 0; i < n; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "-Djava.awt.headless=true", "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    AttainmentPacketsApplication.class.getName(), "worker", "--packets.render.threads=1",
                    "--logging.level.com.salesops.packets.remote=INFO"));
            // the run's settings (--key=value), without "run nightly --as-of D --allow-future"
            args.stream().filter(a -> a.startsWith("--") && a.contains("=")).forEach(command::add);
            Path log = out.resolve("worker-" + i + ".log");
            workers.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        for (int i = 0; i < n; i++) {
            Path log = out.resolve("worker-" + i + ".log");
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
            while (!Files.exists(log) || !Files.readString(log).contains("takes render partitions")) {
                assertThat(workers.get(i).isAlive()).as("worker %d started", i).isTrue();
                assertThat(System.nanoTime()).as("worker %d listening within 5 min", i).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        return workers;
    }

    private static void stopWorkers(List<Process> workers) throws InterruptedException {
        for (Process w : workers) {
            w.destroy(); // SIGTERM: the worker stops its listener and exits 0
        }
        for (Process w : workers) {
            if (!w.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                w.destroyForcibly();
            }
        }
    }

    /** The extraction query as the job runs it, streamed by the mariadb client to /dev/null. */
    private double rawExtraction(MariaDb source) throws IOException, InterruptedException {
        String sql = new String(BenchmarkRun.class.getResourceAsStream("/sql/source/bookings.sql").readAllBytes(),
                StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        String s = "'" + Date.valueOf(LocalDate.of(2026, 1, 1)) + "'";
        String d = "'" + Date.valueOf(AS_OF) + "'";
        String[] params = {s, d, s, d, "''"};
        for (String p : params) {
            sql = sql.replaceFirst("\\?", Matcher.quoteReplacement(p));
        }
        ProcessBuilder pb = new ProcessBuilder("mariadb", "--quick", "--batch", "-h127.0.0.1", "-uroot", source.name(),
                "-e", sql).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false);
        long t0 = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        assertThat(exit).as("mariadb client").isZero();
        return secs(System.nanoTime() - t0);
    }

    /** One statement on the local server (the source and app databases' server); the first value, if any. */
    private static String serverSql(String sql) throws Exception {
        try (MariaDb any = MariaDb.create("ap_bench_probe");
             java.sql.Connection c = any.dataSource().getConnection();
             java.sql.Statement st = c.createStatement()) {
            if (st.execute(sql)) {
                try (java.sql.ResultSet rs = st.getResultSet()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
            return "";
        }
    }

    private static Map<String, Double> stepTimes(String summary) {
        Map<String, Double> steps = new LinkedHashMap<>();
        Matcher block = Pattern.compile("\"stepTimingsMillis\"\\s*:\\s*\\{([^}]*)}").matcher(summary);
        if (block.find()) {
            Matcher e = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)").matcher(block.group(1));
            while (e.find()) {
                steps.put(e.group(1), Double.parseDouble(e.group(2)));
            }
        }
        return steps;
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** Drops the first value of each render thread's run (template and class warm-up), sorts the rest. */
    private static List<Long> sortedWarm(List<Long> inRenderOrder) {
        List<Long> warm = new ArrayList<>(inRenderOrder.subList(Math.min(2, inRenderOrder.size()), inRenderOrder.size()));
        warm.sort(Long::compare);
        return warm;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** The largest heap in use right after a collection (live data plus what the collector kept), since reset. */
    private static final java.util.concurrent.atomic.AtomicLong MAX_AFTER_GC = new java.util.concurrent.atomic.AtomicLong();

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());

    static {
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                        .equals(notification.getType())) {
                    com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management
                            .GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData)
                                    notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    MAX_AFTER_GC.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        MAX_AFTER_GC.set(0);
    }

    /** The largest heap after a collection since the last reset, in MB (heap pools only). */
    private static double peakHeapMb() {
        return MAX_AFTER_GC.get() / (1024.0 * 1024.0);
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
