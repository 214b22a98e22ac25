package com.salesops.packets.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.JobFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NUMBERS acceptance: the hand-built organisation of {@code fixtures/org-fixture.sql} run through the
 * whole job (CLI entry point, MariaDB source and app databases), every CSV row compared with expected
 * files that were worked out independently of the production code by {@link IndependentCalculation}
 * (plain loops over the raw source rows following docs/numbers.md literally), then read and checked by hand.
 *
 * <p>The organisation: root &gt; reg-east &gt; t-e1, t-e2; root &gt; reg-west &gt; t-w1, t-w2, t-w3
 * (t-w3 empty, no manager, a comma in its name). Reps R01–R13, overlay specialists O1 (reg-east,
 * quota 30,000/month) and O2 (reg-west, no quota: empty quota/attainment, unranked, comp 0.00).
 * Rates: EUR monthly up to Oct (Nov/Dec fall back to Oct 1.10), GBP quarterly (1.25 Jan, 1.26 Apr,
 * 1.28 Jul, 1.27 Oct). Nightly as of D = 2026-11-26: S = 2026-01-01, MONTH Nov (expected 26/30 =
 * 86.67 %), QUARTER Q4 (57/92 = 61.96 %), YEAR 2026 (330/365 = 90.41 %); latest closed month Oct,
 * latest closed quarter Q3.
 *
 * <p>Bookings and what each shows: B01 overlay O1 on R01's deal (O1 credited, team total PRIMARY
 * only); B02 split in t-e1; B03/B04/B05 the transfer; B06/B25/B37 GBP fall-back rates (B37 with
 * {@code ' Cancelled '} / {@code ' primary'} / {@code gbp}: matched ignoring case and spaces, clawed back in
 * Nov); B13/B23 Oct pull-in of R11 (B13 also carries O1: 14,000 of O1's 17,666.66 → O1 flagged too);
 * B20 Q3 pull-in of R08; B21/B22 R07 Q3 27.6 % in the last days: no flag; B40 R03 Q3 exactly 50 % of
 * 12,000 → flagged; B41/B42 R06 Oct exactly 10,000 with exactly 50 % → flagged; B15/B16/B32/B37
 * clawbacks; B17/B38 dated before S, cancelled inside: reversal only (B38's R13 left on 2025-12-31:
 * a rep row only through that line, team of the line); B18 before S and B33 after D: not read; B34
 * cents (3,333.33 EUR × 1.10 = 3,666.663 → 3,666.66); B35 100.01 split 50/50 (50.005 → 50.01 HALF_UP,
 * twice); B36 0.01 split 60/40 (0.01 and a 0.00 line that is no deal for R06); B44 1,000 split
 * 33.33 % three ways (99.99 %, within ± 0.01: 333.30 each, one deal for t-e1); X01–X14 every reject
 * reason (INVALID_STATUS twice: a BOOKED row with a cancelled_date, a credit role SPIFF;
 * CANCELLED_BEFORE_BOOKED twice: X07 dated after D, X13 cancelled the day before its date;
 * UNKNOWN_EMPLOYEE twice: X14 names 'r01' — ids match exactly).
 *
 * <p>Hand checks of the expected files (nightly unless said otherwise):
 * <ul>
 * <li><b>Split deal in EUR</b> — B02 12,000 EUR on 2026-11-05, R01 50 % / R02 50 %: Nov has no EUR
 * rate, Oct's 1.10 applies: round2(12,000 × 50 / 100 × 1.10) = 6,600.00 each. t-e1 MONTH deal_count
 * = 4 (B01, B02 once, B03, B04); R01 MONTH = 20,000 (B01) + 6,600 = 26,600.00.</li>
 * <li><b>Transfer</b> — R03 leaves t-e1 / joins t-e2 on 2026-11-16. B03 (Nov 5, 8,000) and B04 (Nov 10,
 * 5,000, cancelled Nov 20) stay in t-e1, B04's −5,000.00 too (the team that had the credit loses it);
 * B05 (Nov 20, 15,000) is t-e2. R03 MONTH = 8,000 + 5,000 − 5,000 + 15,000 = 23,000.00, deal_count 3,
 * team_id t-e2 (membership on D). t-e1 MONTH credited = 20,000 + 13,200 + 8,000 + 5,000 − 5,000
 * − 6,000 (B15 clawback) = 35,200.00; its quota = R01 10,000 + R02 10,000 + R03 × 15/30 = 25,000.00
 * (t-e2 gets the other 5,000.00: 10,000 + 9,900 + 10,000 + 5,000 = 34,900.00).</li>
 * <li><b>Prorated hire</b> — R12 hired 2026-11-10: 21 employed days of 30 → 10,000 × 21 / 30 =
 * 7,000.00 for Nov; QUARTER 0 (no Oct row) + 7,000 + 10,000 = 17,000.00; MONTH 7,500 / 7,000 =
 * 107.14 %. t-w2 Nov quota = R10 8,000 GBP × 1.27 = 10,160 + R11 10,000 + R12 7,000 = 27,160.00.</li>
 * <li><b>Termination</b> — R09's last day 2026-10-20: Oct quota 10,000 × 20 / 31 = 6,451.61, Nov and
 * Dec 0.00 (MONTH prints 0.00 with empty attainment), QUARTER 10,000 (B14) / 6,451.61 = 155.00 %,
 * unranked; comp T = 15,000: 50 × 1.0 + 50 × 1.5 + 5.0001 × 2.0 = 135.0001 → 20,250.02.</li>
 * <li><b>Over-assigned team</b> — t-w1 carries a team_quota of 33,000 a month (MONTH 33,000.00,
 * QUARTER 99,000.00, YEAR 396,000.00). Sum of its rep quotas (member-day shares, team_quota ignored):
 * Nov R07 10,000 + R08 10,000 + R09 0 = 20,000 → (20,000 / 33,000 − 1) × 100 = −39.3939… → −39.39 %
 * (docs/numbers.md §3: negative, the reps carry less than the team's number); QUARTER
 * Oct 26,451.61 (R09 6,451.61) + Nov 20,000 + Dec 20,500 (R07's two Dec rows: 10,000 + 500) =
 * 66,951.61 → 66,951.61 / 99,000 = 0.676278… → −32.37 %; YEAR 9 × 30,000 + 66,951.61 = 336,951.61 →
 * 336,951.61 / 396,000 = 0.850887… → −14.91 %. reg-west takes t-w1's 33,000, not its reps' sum: Nov quota
 * 33,000 + 27,160 = 60,160.00 against a rep sum of 20,000 + 27,160 = 47,160 → 47,160 / 60,160 = 0.783909…
 * → −21.61 %; t-w2 27,160 / 27,160 − 1 = 0.00 %; t-w3 has no quota at all (team quota 0): empty.</li>
 * <li><b>Clawback</b> — B15 6,000 USD of R02 dated 2026-10-15, cancelled 2026-11-10: +6,000.00 in Oct,
 * −6,000.00 in Nov (t-e1). R02 MONTH = 6,600 − 6,000 = 600.00 (6.00 %); QUARTER 6,000 + 6,600 − 6,000
 * = 6,600.00. Cancelled within 30 days of Oct's end → CANCELLED_AFTER_CREDIT R02 Oct 6,000.00 (B16,
 * cancelled 66 days after Aug: no flag). In the monthly run (D = Oct 31) B15 counts as booked.</li>
 * <li><b>Reversal only</b> — B17 4,000 EUR 2025-12-15 (rate 1.05) cancelled 2026-02-10: −4,200.00 in
 * t-e2; R04 YEAR = 10,000 + 6,000 + 50 − 4,200 = 11,850.00.</li>
 * <li><b>Pace status</b> — R11 MONTH 6,900 / 10,000 = 69.00 %; 69 / 86.666… = 0.79615 → printed 0.80 →
 * AT_RISK (the printed value is compared); projected 79.62.</li>
 * <li><b>Rank tie</b> — MONTH R04 6,050.00 / 10,000 = 60.50 %, R08 6,050.01 / 10,000 = 60.5001 % →
 * 60.50: both rank_in_company 7, the next (R02 6.00 %) 9. R06 −37.00 % is ranked last (10).</li>
 * <li><b>Two memberships on D</b> — R05 is REP of t-e2 since 2024 and OVERLAY of reg-east since
 * 2026-11-20: the later membership places R05 in reg-east and, being OVERLAY, unranks R05; t-e2 keeps
 * R05's REP quota share (9,000 EUR × 1.10 = 9,900.00 in Nov), the OVERLAY membership adds none.</li>
 * <li><b>Comp estimate</b> — R01 MONTH 266 %: T = 60,000 / 12 = 5,000; 50 × 1.0 + 50 × 1.5 + 116 × 2.0
 * = 357 → 17,850, capped at 250 % of T = 12,500.00. R08 MONTH 60.5001 % → 10.5001 × 50 = 525.01
 * (unrounded attainment); R04 60.50 % → 525.00.</li>
 * </ul>
 *
 * <p>The monthly run {@code monthly-2026-10} (D = 2026-10-31, October closed: expected 100.00 %) has
 * its own expected files: no R12 row (no membership or line by Oct 31; X04, dated June, is still
 * rejected), R03 in t-e1, only the rejects dated or cancelled by Oct 31, and only the Sep
 * CANCELLED_AFTER_CREDIT flag (B32, cancelled Oct 5).
 *
 * <p>To regenerate the expected files after a fixture change, run
 * {@code independentCalculationGivesTheCommittedExpectedFiles} with {@code -Dnumbers.regenerate=true}
 * and check the differences by hand before committing them.
 */
class FixtureOrganisationJobTest {

    private static final String DIR = "/fixtures/org-fixture/";

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/org-fixture.sql");

    @Test
    void independentCalculationGivesTheCommittedExpectedFiles() throws IOException {
        // given: the spreadsheet-style calculation of docs/numbers.md over the raw fixture rows
        IndependentCalculation calc = new IndependentCalculation(fixture.sourceDb().dataSource());

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
        Map<String, String> overAssignment = new TreeMap<>();
        fixture.job().appDb().query("SELECT window_name, node_id, sum_of_rep_quotas, over_assignment_pct"
                + " FROM node_result WHERE node_level = 'TEAM' AND node_id IN ('t-w1', 't-w2', 't-w3', 'reg-west')",
                (ResultSet r) -> {
                    overAssignment.put(r.getString(1) + " " + r.getString(2),
                            r.getBigDecimal(3) + " " + r.getBigDecimal(4));
                });

        assertThat(read(run, "attainment.csv")).isEqualTo(expected("nightly", "attainment"));
        assertThat(read(run, "flags.csv")).isEqualTo(expected("nightly", "flags"));
        assertThat(withoutDetail(read(run, "rejects.csv"))).isEqualTo(withoutDetail(expected("nightly", "rejects")));
        assertThat(read(run, "run-summary.json")).contains("\"read\" : 56", "\"credited\" : 42", "\"rejected\" : 14",
                "\"holds\" : true");
        // over-assignment (packets only, so read from the app database): see the hand checks above
        assertThat(overAssignment).containsEntry("MONTH t-w1", "20000.00 -39.39")
                .containsEntry("QUARTER t-w1", "66951.61 -32.37")
                .containsEntry("YEAR t-w1", "336951.61 -14.91")
                .containsEntry("MONTH reg-west", "47160.00 -21.61")
                .containsEntry("MONTH t-w2", "27160.00 0.00")
                .containsEntry("MONTH t-w3", "0.00 null");
    }

    @Test
    void monthlyRunForOctoberGivesItsOwnExpectedFiles() throws IOException {
        Path run = runJob("run", "monthly", "--month", "2026-10");

        assertThat(read(run, "attainment.csv")).isEqualTo(expected("monthly", "attainment"));
        assertThat(read(run, "flags.csv")).isEqualTo(expected("monthly", "flags"));
        assertThat(withoutDetail(read(run, "rejects.csv"))).isEqualTo(withoutDetail(expected("monthly", "rejects")));
    }

    /** Runs the CLI (it must complete) and returns the run's output folder. */
    private Path runJob(String... command) {
        assertThat(fixture.job().run(command)).isZero();
        String key = command[1].equals("nightly") ? "nightly-" + command[3] : "monthly-" + command[3];
        return fixture.job().runDir(key);
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
