package com.salesops.packets.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.CsvFile;
import com.salesops.packets.testing.JobRun;
import com.salesops.packets.testing.MariaDb;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Properties that must hold on any data, checked on generated demo data (with its dirty rows) in
 * MariaDB: team totals are the sum of their subtree's PRIMARY lines, the run reconciles, and the
 * results depend neither on the extraction chunk size nor on the order of the source rows.
 *
 * <p>The demo org is 2 regions × 2 teams × 6 reps with about 1,500 bookings a year (some 1,400 read,
 * with the generator's dirty rows for every reject reason). Managers are
 * removed from the source copy so no packet is rendered: packets do not change the CSV files, and
 * rendering would triple the time of the three runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDataPropertiesTest {

    private static final String AS_OF = "2026-11-26";
    private static final String RUN_KEY = "nightly-" + AS_OF;
    private static final DemoSize SIZE = new DemoSize(6, 2, 2, 2, 1_500, 13, 20_261_126L);

    @TempDir
    static Path out;

    private MariaDb source;
    private MariaDb shuffled;
    private final List<MariaDb> apps = new ArrayList<>();
    private Path chunkOf7;
    private MariaDb chunkOf7App;

    @BeforeAll
    void generateAndRunWithChunksOf7() {
        source = MariaDb.create("ap_gen");
        new DemoDataGenerator(SIZE).generate(source.dataSource(), LocalDate.parse(AS_OF));
        source.runSql("UPDATE sales_team SET manager_id = NULL;");
        chunkOf7App = MariaDb.create("ap_genapp");
        apps.add(chunkOf7App);
        chunkOf7 = run(source, chunkOf7App, "chunk7", 7);
    }

    @AfterAll
    void drop() {
        source.close();
        if (shuffled != null) {
            shuffled.close();
        }
        apps.forEach(MariaDb::close);
    }

    @Test
    void everyTeamsCreditedIsTheSumOfThePrimaryLinesInItsSubtree() throws IOException {
        // given: the credit lines the run stored, and the hierarchy, read straight from the databases
        JdbcTemplate appDb = new JdbcTemplate(chunkOf7App.dataSource());
        List<Map<String, Object>> lines = appDb.queryForList(
                "SELECT employee_id, team_id, credit_role, line_date, amount_base FROM credit_line WHERE run_key = ?",
                RUN_KEY);
        Map<String, String> parent = new HashMap<>();
        new JdbcTemplate(source.dataSource()).queryForList("SELECT team_id, parent_team_id FROM sales_team")
                .forEach(r -> parent.put((String) r.get("team_id"), (String) r.get("parent_team_id")));
        CsvFile attainment = CsvFile.read(chunkOf7.resolve("attainment.csv"));
        assertThat(lines).hasSizeGreaterThan(1_000);

        // then: each TEAM row's credited = Σ PRIMARY lines whose team is in its subtree, dated in the window;
        // each REP row's credited = Σ all of that employee's lines dated in the window
        int teamRows = 0;
        for (Map<String, String> row : attainment.rows()) {
            LocalDate from = LocalDate.parse(row.get("period_start"));
            LocalDate to = LocalDate.parse(AS_OF);
            BigDecimal sum = BigDecimal.ZERO;
            for (Map<String, Object> line : lines) {
                LocalDate date = ((java.sql.Date) line.get("line_date")).toLocalDate();
                if (date.isBefore(from) || date.isAfter(to)) {
                    continue;
                }
                boolean counts = row.get("level").equals("TEAM")
                        ? line.get("credit_role").equals("PRIMARY") && inSubtree((String) line.get("team_id"),
                                row.get("node_id"), parent)
                        : line.get("employee_id").equals(row.get("node_id"));
                if (counts) {
                    sum = sum.add((BigDecimal) line.get("amount_base"));
                }
            }
            assertThat(row.get("credited")).as("%s %s %s", row.get("window"), row.get("level"), row.get("node_id"))
                    .isEqualTo(sum.setScale(2).toPlainString());
            teamRows += row.get("level").equals("TEAM") ? 1 : 0;
        }
        assertThat(teamRows).isEqualTo(3 * parent.size());
    }

    @Test
    void runSummaryReconcilesEveryBookingRead() throws IOException {
        // given
        String summary = Files.readString(chunkOf7.resolve("run-summary.json"));

        // then: the invariant holds, and read = credited + rejected with rejects actually present
        assertThat(summary).contains("\"holds\" : true", "\"everyBookingCreditedOrRejected\" : true",
                "\"bookingsWithUnbalancedPrimaryLines\" : 0");
        long read = number(summary, "read");
        long credited = number(summary, "credited");
        long rejected = number(summary, "rejected");
        assertThat(read).isGreaterThan(1_000).isEqualTo(credited + rejected);
        assertThat(rejected).isPositive()
                .isEqualTo(CsvFile.read(chunkOf7.resolve("rejects.csv")).rows().size());
        // every credited booking has at least one line (a booking dated before S: its reversals)
        assertThat(new JdbcTemplate(chunkOf7App.dataSource()).queryForObject(
                "SELECT COUNT(DISTINCT booking_id) FROM credit_line WHERE run_key = ?", Long.class, RUN_KEY))
                .isEqualTo(credited);
    }

    @Test
    void resultsDependNeitherOnChunkSizeNorOnSourceRowOrder() throws IOException {
        // given: the same data run with chunks of 1000, and copied into a second source in another row order
        MariaDb bigChunksApp = MariaDb.create("ap_genapp");
        apps.add(bigChunksApp);
        Path chunkOf1000 = run(source, bigChunksApp, "chunk1000", 1000);
        shuffled = MariaDb.create("ap_genshuf");
        copyInOtherOrder(source, shuffled);
        MariaDb shuffledApp = MariaDb.create("ap_genapp");
        apps.add(shuffledApp);
        Path reordered = run(shuffled, shuffledApp, "shuffled", 1000);

        // then: byte-identical files
        for (String file : List.of("attainment.csv", "flags.csv", "rejects.csv")) {
            byte[] expected = Files.readAllBytes(chunkOf7.resolve(file));
            assertThat(Files.readAllBytes(chunkOf1000.resolve(file))).as("chunk size, " + file).isEqualTo(expected);
            assertThat(Files.readAllBytes(reordered.resolve(file))).as("row order, " + file).isEqualTo(expected);
        }
        assertThat(CsvFile.read(chunkOf7.resolve("flags.csv")).rows()).isNotEmpty();
    }

    private Path run(MariaDb src, MariaDb app, String dir, int chunkSize) {
        // every delivery guard as configured, the reject rule too: the run must pass them
        JobRun job = new JobRun(src, app, out.resolve(dir)).withRejectRule()
                .with("--packets.extract.chunk-size=" + chunkSize);
        assertThat(job.run("run", "nightly", "--as-of", AS_OF)).isZero();
        return job.runDir(RUN_KEY);
    }

    /** Copies every table, inserting the rows in reverse or seeded-random order (InnoDB keeps insertion order without a primary key). */
    private static void copyInOtherOrder(MariaDb from, MariaDb to) {
        Map<String, String> order = new TreeMap<>(Map.of(
                "employee", "employee_id DESC",
                "sales_team", "team_id DESC",
                "team_membership", "RAND(11)",
                "rep_quota", "RAND(12)",
                "team_quota", "RAND(13)",
                "booking", "booking_id DESC",
                "booking_credit", "booking_id DESC, RAND(14)",
                "fx_rate", "currency DESC, `month` DESC"));
        StringBuilder script = new StringBuilder();
        for (Map.Entry<String, String> t : order.entrySet()) {
            script.append("CREATE TABLE ").append(t.getKey()).append(" LIKE ").append(from.name()).append('.')
                    .append(t.getKey()).append(";\n");
            script.append("INSERT INTO ").append(t.getKey()).append(" SELECT * FROM ").append(from.name()).append('.')
                    .append(t.getKey()).append(" ORDER BY ").append(t.getValue()).append(";\n");
        }
        to.runSql(script.toString());
    }

    private static boolean inSubtree(String team, String root, Map<String, String> parent) {
        Set<String> seen = new TreeSet<>();
        for (String t = team; t != null && seen.add(t); t = parent.get(t)) {
            if (t.equals(root)) {
                return true;
            }
        }
        return false;
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\" : (-?\\d+)").matcher(json);
        assertThat(m.find()).as(key).isTrue();
        return Long.parseLong(m.group(1));
    }
}
