package com.salesops.packets.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.AttainmentPacketsApplication;
import com.salesops.packets.testing.CsvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} on the embedded default (H2 for both databases, outbox for email) produces every file. */
class DemoCommandTest {

    @Test
    void demoGeneratesDataRunsNightlyAndWritesEveryExpectedFile(@TempDir Path dir) throws Exception {
        // given
        String h2 = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        String runKey = "nightly-" + LocalDate.now(ZoneOffset.UTC).minusDays(1);

        // when
        int exit = AttainmentPacketsApplication.run("demo",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/app") + h2,
                "--packets.source.url=jdbc:h2:file:" + dir.resolve("db/source") + h2,
                "--packets.output.dir=" + dir.resolve("out"));

        // then
        assertThat(exit).isZero();
        Path run = dir.resolve("out").resolve(runKey);
        for (String file : List.of("attainment.csv", "rejects.csv", "flags.csv", "run-summary.json")) {
            assertThat(run.resolve(file)).isNotEmptyFile();
        }
        List<Path> packetDirs;
        try (Stream<Path> s = Files.list(run.resolve("packets"))) {
            packetDirs = s.toList();
        }
        // a root, 3 regions and about 12 teams, each with a manager
        assertThat(packetDirs).hasSizeGreaterThanOrEqualTo(16);
        for (Path p : packetDirs) {
            String team = p.getFileName().toString();
            assertThat(p.resolve(team + "-" + runKey + ".xlsx")).isNotEmptyFile();
            assertThat(p.resolve(team + "-" + runKey + ".pdf")).isNotEmptyFile();
        }
        long emails;
        try (Stream<Path> s = Files.list(run.resolve("outbox"))) {
            emails = s.filter(f -> f.toString().endsWith(".eml") && f.toFile().length() > 0).count();
        }
        assertThat(emails).isEqualTo(packetDirs.size());
        // every reject reason of docs/numbers.md §9 appears among the demo's dirty rows
        CsvFile rejects = CsvFile.read(run.resolve("rejects.csv"));
        assertThat(rejects.rows()).extracting(r -> r.get("reason")).contains("UNKNOWN_EMPLOYEE", "NO_TEAM_ON_DATE",
                "AMBIGUOUS_TEAM", "MISSING_FX_RATE", "NO_CREDIT", "SPLIT_SUM", "INVALID_SPLIT", "INVALID_AMOUNT",
                "CANCELLED_WITHOUT_DATE", "CANCELLED_BEFORE_BOOKED", "INVALID_STATUS");
        assertThat(Files.readString(run.resolve("run-summary.json"))).contains("\"holds\" : true");
    }
}
