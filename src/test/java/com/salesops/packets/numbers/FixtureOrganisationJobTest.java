package com.salesops.packets.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.AttainmentPacketsApplication;
import com.salesops.packets.testing.MariaDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAND_CHECKS
 */
class FixtureOrganisationJobTest {

    private static final String DIR = "/fixtures/org-fixture/";

    private static MariaDb source;

    @TempDir
    Path out;

    @BeforeAll
    static void loadFixture() {
        source = MariaDb.create("ap_fix");
        source.runScript("/db/source/schema.sql");
        source.runScript("/fixtures/org-fixture.sql");
    }

    @AfterAll
    static void dropFixture() {
        source.close();
    }

    @Test
    void independentCalculationGivesTheCommittedExpectedFiles() throws IOException {
        // given: the spreadsheet-style calculation of DESIGN §4 over the raw fixture rows
        IndependentCalculation calc = new IndependentCalculation(source.dataSource());

        // when
        IndependentCalculation.Result nightly = calc.run("nightly-2026-11-26", LocalDate.parse("2026-11-26"));
        IndependentCalculation.Result monthly = calc.run("monthly-2026-10", LocalDate.parse("2026-10-31"));

        // then: the expected files are exactly what it computes (they cannot drift apart silently)
        if (Boolean.getBoolean("numbers.regenerate")) {
            write("nightly", nightly);
            write("monthly", monthly);
        }
        assertThat(nightly.attainment()).isEqualTo(expected("nightly", "attainment"));
        assertThat(nightly.rejects()).isEqualTo(expected("nightly", "rejects"));
        assertThat(nightly.flags()).isEqualTo(expected("nightly", "flags"));
        assertThat(monthly.attainment()).isEqualTo(expected("monthly", "attainment"));
        assertThat(monthly.rejects()).isEqualTo(expected("monthly", "rejects"));
        assertThat(monthly.flags()).isEqualTo(expected("monthly", "flags"));
    }

    @Test
    void nightlyRunGivesTheIndependentlyWorkedOutFiles() throws IOException {
        Path run = runJob("run", "nightly", "--as-of", "2026-11-26");

        assertThat(read(run, "attainment.csv")).isEqualTo(expected("nightly", "attainment"));
        assertThat(read(run, "flags.csv")).isEqualTo(expected("nightly", "flags"));
        assertThat(withoutDetail(read(run, "rejects.csv"))).isEqualTo(withoutDetail(expected("nightly", "rejects")));
        assertThat(read(run, "run-summary.json")).contains("\"read\" : 53", "\"credited\" : 41", "\"rejected\" : 12",
                "\"holds\" : true");
    }

    @Test
    void monthlyRunForOctoberGivesItsOwnExpectedFiles() throws IOException {
        Path run = runJob("run", "monthly", "--month", "2026-10");

        assertThat(read(run, "attainment.csv")).isEqualTo(expected("monthly", "attainment"));
        assertThat(read(run, "flags.csv")).isEqualTo(expected("monthly", "flags"));
        assertThat(withoutDetail(read(run, "rejects.csv"))).isEqualTo(withoutDetail(expected("monthly", "rejects")));
    }

    private Path runJob(String... command) {
        try (MariaDb app = MariaDb.create("ap_fixapp")) {
            List<String> a = new ArrayList<>(List.of(command));
            a.add("--spring.datasource.url=" + app.url());
            a.add("--spring.datasource.username=" + app.user());
            a.add("--spring.datasource.password=" + app.password());
            a.add("--packets.source.url=" + source.url());
            a.add("--packets.source.username=" + source.user());
            a.add("--packets.source.password=" + source.password());
            a.add("--packets.output.dir=" + out);
            assertThat(AttainmentPacketsApplication.run(a.toArray(String[]::new))).isZero();
        }
        String key = command[1].equals("nightly") ? "nightly-" + command[3] : "monthly-" + command[3];
        return out.resolve(key);
    }

    private static String read(Path run, String file) throws IOException {
        return Files.readString(run.resolve(file), StandardCharsets.UTF_8);
    }

    /** rejects.csv without its free-text detail column (the 4th). */
    static String withoutDetail(String csv) {
        StringBuilder b = new StringBuilder();
        for (String line : csv.split("\n")) {
            String[] cells = line.split(",", -1);
            List<String> kept = new ArrayList<>(List.of(cells));
            // the detail may contain commas (quoted): keep the first 3 and the last 2 cells
            b.append(String.join(",", kept.subList(0, 3))).append(',')
                    .append(String.join(",", kept.subList(kept.size() - 2, kept.size()))).append('\n');
        }
        return b.toString();
    }

    private static String expected(String run, String file) throws IOException {
        String name = DIR + fileName(run, file);
        try (InputStream in = FixtureOrganisationJobTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(String run, IndependentCalculation.Result r) throws IOException {
        Path dir = Path.of("src/test/resources" + DIR);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(fileName(run, "attainment")), r.attainment());
        Files.writeString(dir.resolve(fileName(run, "rejects")), r.rejects());
        Files.writeString(dir.resolve(fileName(run, "flags")), r.flags());
    }

    /** expected-attainment.csv for the nightly run, expected-monthly-2026-10-attainment.csv for the monthly. */
    private static String fileName(String run, String file) {
        return (run.equals("nightly") ? "expected-" : "expected-monthly-2026-10-") + file + ".csv";
    }
}
