package com.salesops.packets.demo;

import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.run.ExitCodes;
import com.salesops.packets.calendar.RunKeys;
import com.salesops.packets.run.RunLauncher;
import com.salesops.packets.source.SourceDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} command: fills the embedded source database with generated data, runs a
 * nightly for yesterday and prints where everything is.
 */
@Component
public class DemoRun {

    private static final List<String> SOURCE_TABLES = List.of("booking_credit", "booking", "fx_rate", "team_quota",
            "rep_quota", "team_membership", "sales_team", "employee");

    private final SourceDatabase source;
    private final RunLauncher launcher;
    private final PacketsProperties properties;

    public DemoRun(SourceDatabase source, RunLauncher launcher, PacketsProperties properties) {
        this.source = source;
        this.launcher = launcher;
        this.properties = properties;
    }

    public int run(long seed, LocalDate asOf) throws Exception {
        if (!source.url().startsWith("jdbc:h2:")) {
            System.err.println("packets: demo generates data into packets.source, and only into an embedded H2 "
                    + "database; packets.source.url is " + source.url());
            return ExitCodes.USAGE_OR_CONFIG;
        }
        JdbcTemplate jdbc = new JdbcTemplate(source.dataSource());
        SOURCE_TABLES.forEach(t -> jdbc.execute("DROP TABLE IF EXISTS " + t));
        DemoSummary generated = new DemoDataGenerator(DemoSize.small().withSeed(seed)).generate(source.dataSource(), asOf);
        String runKey = RunKeys.nightly(asOf);
        RunLauncher.Outcome outcome = launcher.launch(runKey, true);
        Path dir = properties.output().dir().toAbsolutePath().normalize().resolve(runKey);
        System.out.println();
        System.out.println("Attainment Packets demo — " + outcome.message().lines().findFirst().orElse(""));
        System.out.printf("  generated: %d employees, %d teams, %d bookings (%d dirty on purpose), data %s .. %s%n",
                generated.employees(), generated.teams(), generated.bookings(), generated.dirtyBookings().size(),
                generated.firstDay(), generated.asOf());
        System.out.println("  results:   " + dir);
        if (Files.isDirectory(dir)) {
            System.out.println("  packets:   " + count(dir.resolve("packets"), ".pdf") + " PDF + "
                    + count(dir.resolve("packets"), ".xlsx") + " Excel under " + dir.resolve("packets"));
            System.out.println("  emails:    " + count(dir.resolve("outbox"), ".eml") + " .eml files in " + dir.resolve("outbox"));
            printHead(dir.resolve("attainment.csv"), "  team attainment (MONTH):", 16);
            System.out.println("  rejects:   " + Math.max(0, lines(dir.resolve("rejects.csv")) - 1) + " rows in rejects.csv");
            System.out.println("  flags:     " + Math.max(0, lines(dir.resolve("flags.csv")) - 1) + " rows in flags.csv");
            System.out.println("  summary:   " + dir.resolve("run-summary.json"));
        }
        return outcome.exitCode();
    }

    private static long count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> l = Files.lines(file, StandardCharsets.UTF_8)) {
            return l.count();
        }
    }

    private static void printHead(Path csv, String title, int max) throws IOException {
        if (!Files.exists(csv)) {
            return;
        }
        System.out.println(title);
        System.out.printf("    %-28s %14s %14s %9s %-9s%n", "team", "quota", "credited", "attain %", "pace");
        try (Stream<String> l = Files.lines(csv, StandardCharsets.UTF_8)) {
            l.skip(1).map(line -> line.split(",", -1))
                    .filter(c -> c.length >= 20 && c[1].equals("MONTH") && c[4].equals("TEAM"))
                    .limit(max)
                    .forEach(c -> System.out.printf("    %-28s %14s %14s %9s %-9s%n", c[6], c[8], c[9], c[10], c[13]));
        }
    }
}
