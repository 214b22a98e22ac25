package com.salesops.packets.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.JobFixture;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changes since the previous run (docs/numbers.md §10; changes.csv: docs/architecture.md, "Outputs") through
 * the whole job on MariaDB: runs on the same app database with the source of {@code fixtures/changes-org.sql}
 * changed in between.
 * Quotas are 10,000.00 a month per rep (Oct–Dec), so a rep's MONTH quota is 10,000.00 and its
 * QUARTER and YEAR quota 30,000.00; team-1 (R1, R2) has twice that, team-2 (R3) the same, the
 * region three times.
 */
class ChangesJobTest {

    private static final String HEADER = "run_key,previous_run_key,level,node_id,team_id,new_credit,restated_credit,"
            + "new_deals,cancelled_deals,restated_deals,month_attainment_change,quarter_attainment_change,"
            + "year_attainment_change";

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/changes-org.sql");

    @Test
    void secondNightlyReportsEveryKindOfChangeSinceTheFirstToTheCent() throws Exception {
        // given: the first nightly, as of 2026-11-25, then the source changes
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-25")).isZero();
        changeTheSource();

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then
        // Previous run P = nightly-2026-11-25 (Dp = 2026-11-25); both read from 2026-01-01, so
        // C = [2026-01-01, 2026-11-25] and the new days are (Dp, D] = 2026-11-26.
        // Lines of P: B0 R2 1,000 (Nov 12); B1 R1 5,000 + R2 5,000 (Oct 10); B2 R3 4,000 (Oct 20);
        //             B3 R1 6,000 (Nov 5); B4 R3 3,000 (Nov 10).
        // Lines of R: B0 R2 1,000; B1 R1 6,000 + R2 4,000 (split 60/40 now); B2 R3 5,000 (amount changed);
        //             B3 R1 6,000 and its reversal −6,000 on Nov 26; B4 R3 3,000 and its reversal −3,000 on
        //             Nov 20 (cancelled before Dp, entered after); B5 R2 2,000 (Oct 25, backdated);
        //             B6 R1 4,000 + R2 4,000 (Nov 26, new).
        // R1: new = −6,000 + 4,000 = −2,000.00 (new {B6}, cancelled {B3});
        //     restated = (6,000 + 6,000) − (5,000 + 6,000) = 1,000.00 ({B1})
        // R2: new = 4,000.00 ({B6}); restated = (1,000 + 4,000 + 2,000) − (1,000 + 5,000) = 1,000.00 ({B1, B5})
        // R3: new = 0.00; restated = (5,000 + 3,000 − 3,000) − (4,000 + 3,000) = −2,000.00 ({B2, B4})
        // team-1 = R1 + R2 lines: new = −6,000 + 4,000 + 4,000 = 2,000.00, new {B6} once, cancelled {B3};
        //     restated = 1,000 + 1,000 = 2,000.00 ({B1, B5}); team-2 = R3's; region: new 2,000.00,
        //     restated 2,000 − 2,000 = 0.00 over {B1, B5, B2, B4} = 4 bookings.
        // MONTH attainment (Nov quota: rep 10,000, team-1 20,000, team-2 10,000, region 30,000):
        //   P: R1 6,000 = 60.00; R2 1,000 = 10.00; R3 3,000 = 30.00; team-1 7,000 = 35.00; team-2 30.00;
        //      region 10,000 / 30,000 = 33.33
        //   R: R1 6,000 − 6,000 + 4,000 = 40.00; R2 1,000 + 4,000 = 50.00; R3 0.00; team-1 9,000 = 45.00;
        //      team-2 0.00; region 9,000 / 30,000 = 30.00
        //   change: R1 −20.00, R2 40.00, R3 −30.00, team-1 10.00, team-2 −30.00, region −3.33
        // QUARTER = YEAR (every line and quota is in Q4; quota rep 30,000, team-1 60,000, region 90,000):
        //   P: R1 11,000 = 36.67; R2 6,000 = 20.00; R3 7,000 = 23.33; team-1 17,000 = 28.33;
        //      team-2 23.33; region 24,000 = 26.67
        //   R: R1 6,000 + 6,000 − 6,000 + 4,000 = 10,000 = 33.33; R2 4,000 + 1,000 + 2,000 + 4,000 = 11,000
        //      = 36.67; R3 5,000 = 16.67; team-1 21,000 = 35.00; team-2 16.67; region 26,000 = 28.89
        //   change: R1 −3.34, R2 16.67, R3 −6.66, team-1 6.67, team-2 −6.66, region 2.22
        assertThat(exit).isZero();
        assertTheHandWorkedChangesCsv();

        // the packets: team-1's PDF names the previous run, page 1 has its MONTH change (35.00 → 45.00),
        // the section lists the restated bookings (B1 and B5 dated in October, closed at Dp: highlighted)
        Path run = fixture.job().runDir("nightly-2026-11-26");
        List<String> pages = pdfPages(run, "team-1");
        writeSample(run, "team-1", "changes-section-team-1.png");
        assertThat(pages.get(0)).contains("Since nightly-2026-11-25: MONTH attainment +10.00 pts (35.00 % → 45.00 %)");
        String section = pages.get(1);
        assertThat(section).contains("Since nightly-2026-11-25", "Restated bookings", "Restated · closed month",
                "Alder Systems", "Elm Energy", "Fir Finance", "Cedar Health", "5,000.00", "6,000.00", "4,000.00");
        // privacy (docs/numbers.md §8): team-2's bookings and rep are not in team-1's packet, nor the other way
        String team1 = String.join("\n", pages);
        assertThat(team1).doesNotContain("Birch Logistics", "Dune Retail", "Ines Duarte");
        String team2 = String.join("\n", pdfPages(run, "team-2"));
        assertThat(team2).contains("Since nightly-2026-11-25", "Birch Logistics", "Dune Retail")
                .doesNotContain("Alder Systems", "Elm Energy", "Fir Finance", "Rosa Lind", "Tomas Berg");

        // the Changes sheet: team-1's rep rows of changes.csv, then every changed line, numbers as numbers
        try (XSSFWorkbook book = workbook(run, "team-1")) {
            XSSFSheet sheet = book.getSheet("Changes");
            assertThat(rows(sheet)).containsSubsequence(
                    "run_key|previous_run_key|level|node_id|team_id|new_credit|restated_credit|new_deals|cancelled_deals"
                            + "|restated_deals|month_attainment_change|quarter_attainment_change|year_attainment_change"
                            + "|rep_name",
                    "nightly-2026-11-26|nightly-2026-11-25|REP|R1|team-1|-2000.0|1000.0|1.0|1.0|1.0|-20.0|-3.34|-3.34"
                            + "|Rosa Lind",
                    "nightly-2026-11-26|nightly-2026-11-25|REP|R2|team-1|4000.0|1000.0|1.0|0.0|2.0|40.0|16.67|16.67"
                            + "|Tomas Berg");
            // change, booking, account, employee, name, role, team, previous team, date, before, after,
            // difference, closed at Dp (only said of restated lines)
            assertThat(rows(sheet)).contains(
                    "NEW|B6|Fir Finance|R1|Rosa Lind|PRIMARY|team-1||2026-11-26||4000.0|4000.0",
                    "NEW|B6|Fir Finance|R2|Tomas Berg|PRIMARY|team-1||2026-11-26||4000.0|4000.0",
                    "CANCELLED|B3|Cedar Health|R1|Rosa Lind|PRIMARY|team-1||2026-11-26||-6000.0|-6000.0",
                    "RESTATED|B1|Alder Systems|R1|Rosa Lind|PRIMARY|team-1||2026-10-10|5000.0|6000.0|1000.0|yes",
                    "RESTATED|B1|Alder Systems|R2|Tomas Berg|PRIMARY|team-1||2026-10-10|5000.0|4000.0|-1000.0|yes",
                    "RESTATED|B5|Elm Energy|R2|Tomas Berg|PRIMARY|team-1||2026-10-25||2000.0|2000.0|yes");
            assertThat(sheet.getRow(3).getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
        }

        // the emails: one line each, the team's figures (region: restated 2,000 − 2,000 = 0.00 over 4 deals)
        assertThat(emailText(run, "team-1"))
                .contains("Since nightly-2026-11-25: +2,000.00 USD on 1 new deal, 1 cancellation, 2 restated deals "
                        + "+2,000.00 USD");
        assertThat(emailText(run, "team-2"))
                .contains("Since nightly-2026-11-25: 0.00 USD on 0 new deals, 0 cancellations, 2 restated deals "
                        + "\u22122,000.00 USD");
        assertThat(emailText(run, "region"))
                .contains("Since nightly-2026-11-25: +2,000.00 USD on 1 new deal, 1 cancellation, 4 restated deals "
                        + "0.00 USD");
    }

    @Test
    void anIdTheKeySortsOtherwiseThanByCodePointGivesTheSameChangesThroughTheSortedComparison() throws Exception {
        // given: the scenario above plus B1<TAB>, a booking of R1 (team-1) that does not change: 9,000.00
        // on 2026-10-05. The app database's utf8mb4_bin pads with spaces, so its key puts "B1\t" before
        // "B1" (code point order: after), and the comparison read in key order meets it out of order.
        // Its 9,000.00 is in QUARTER and YEAR of both runs (not in MONTH, November): R1 +30.00 pts,
        // team-1 +15.00, region +10.00, exactly, in both runs, so every change figure is as above.
        fixture.sourceDb().runSql("""
                INSERT INTO booking (booking_id, booking_date, account_name, amount, currency, booking_type, channel,
                    partner_name, status, cancelled_date, updated_at) VALUES
                 ('B1\t', '2026-10-05', 'Gale Media', 9000.00, 'USD', 'NEW', 'DIRECT', NULL, 'BOOKED', NULL, '2026-10-05 10:00:00');
                INSERT INTO booking_credit (booking_id, employee_id, credit_role, split_percent) VALUES
                 ('B1\t', 'R1', 'PRIMARY', 100.00);
                """);
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-25")).isZero();
        changeTheSource();

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then: the comparison started again with the lines sorted by code point, and stored its lines once
        assertThat(exit).isZero();
        assertTheHandWorkedChangesCsv();
        JdbcTemplate app = new JdbcTemplate(fixture.appDb().dataSource());
        assertThat(app.queryForObject("SELECT COUNT(*) FROM credit_line WHERE run_key = 'nightly-2026-11-26' "
                + "AND booking_id = 'B1\t'", Integer.class)).isOne();
        assertThat(app.queryForObject("SELECT COUNT(*) FROM changed_line WHERE run_key = 'nightly-2026-11-26'",
                Integer.class)).isEqualTo(app.queryForObject("SELECT COUNT(*) FROM (SELECT DISTINCT kind, "
                + "CAST(booking_id AS BINARY), CAST(employee_id AS BINARY), line_date FROM changed_line "
                + "WHERE run_key = 'nightly-2026-11-26') d", Integer.class)).isPositive();
        assertThat(app.queryForObject("SELECT COUNT(*) FROM changed_line WHERE run_key = 'nightly-2026-11-26' "
                + "AND CAST(booking_id AS BINARY) = CAST('B1\t' AS BINARY)", Integer.class)).isZero();
    }

    @Test
    void aComputeStepThatFailsAfterTheComparisonStoresTheSameChangesOnceWhenTheRunIsRestarted() throws Exception {
        // given: the first nightly, the source changes, and the second nightly's compute step fails at its
        // very end (changes.csv cannot be written): the merge with the previous run, on its own thread and
        // in its own transaction, had committed the changed lines; the results and node figures of the
        // step's transaction were rolled back
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-25")).isZero();
        changeTheSource();
        Path blocker = fixture.job().runDir("nightly-2026-11-26").resolve(RunChanges.FILE);
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("in-the-way"), "not a file");
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-26")).isEqualTo(1);
        JdbcTemplate app = new JdbcTemplate(fixture.appDb().dataSource());
        assertThat(app.queryForObject("SELECT COUNT(*) FROM changed_line WHERE run_key = 'nightly-2026-11-26'",
                Integer.class)).isEqualTo(8);
        assertThat(app.queryForObject("SELECT COUNT(*) FROM change_run WHERE run_key = 'nightly-2026-11-26'",
                Integer.class)).isZero();
        assertThat(app.queryForObject("SELECT COUNT(*) FROM node_result WHERE run_key = 'nightly-2026-11-26'",
                Integer.class)).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("changes-merge"));

        // when
        Files.delete(blocker.resolve("in-the-way"));
        Files.delete(blocker);
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then: the hand-worked figures, and each changed line once (docs/numbers.md §10): NEW and CANCELLED
        // lines dated 2026-11-26 (B6 for R1 and R2, B3's reversal), one RESTATED row per rep and booking
        // whose lines dated in C differ (B1 60/40 instead of 50/50; B5 backdated; B2 4,000 -> 5,000;
        // B4 3,000 -> 3,000 - 3,000 = 0.00)
        assertThat(exit).isZero();
        assertTheHandWorkedChangesCsv();
        assertThat(app.query("SELECT kind, booking_id, employee_id, amount_before, amount_after FROM changed_line "
                + "WHERE run_key = 'nightly-2026-11-26'", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5))).containsExactlyInAnyOrder(
                "NEW B6 R1 null 4000.00", "NEW B6 R2 null 4000.00", "CANCELLED B3 R1 null -6000.00",
                "RESTATED B1 R1 5000.00 6000.00", "RESTATED B1 R2 5000.00 4000.00", "RESTATED B5 R2 null 2000.00",
                "RESTATED B2 R3 4000.00 5000.00", "RESTATED B4 R3 3000.00 0.00");
    }

    @Test
    void aFirstRunHasAHeaderOnlyChangesFileSaysSoOnceInEachPacketFileAndHasNoChangesSection() throws Exception {
        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-25");

        // then
        assertThat(exit).isZero();
        Path run = fixture.job().runDir("nightly-2026-11-25");
        assertThat(lines(run.resolve("changes.csv"))).containsExactly(HEADER);
        // and one sentence saying so in the PDF (page 1 only: no "Since …" section repeats it on a page of
        // its own, the bar charts follow page 1), the workbook and the email
        String sentence = "No earlier nightly packet to compare with";
        List<String> pages = pdfPages(run, "team-1");
        assertThat(pages.get(0)).contains(sentence);
        assertThat(pages.subList(1, pages.size())).noneMatch(page -> page.contains(sentence))
                .noneMatch(page -> page.contains("Since the previous packet"));
        assertThat(pages.get(1)).contains("Attainment by rep");
        try (XSSFWorkbook book = workbook(run, "team-1")) {
            assertThat(book.getSheet("Changes").getRow(0).getCell(0).getStringCellValue()).startsWith(sentence);
        }
        assertThat(emailText(run, "team-1")).contains(sentence);
    }

    @Test
    void aMonthlyComparesWithThePreviousMonthlyNeverWithANightly() throws IOException {
        // given: a nightly before the first monthly, a nightly between the two monthlies
        changeTheSource();
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-10-15")).isZero();
        assertThat(fixture.job().run("run", "monthly", "--month", "2026-10")).isZero();
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-25")).isZero();

        // when: November has ended
        int exit = fixture.job().today(java.time.LocalDate.of(2026, 12, 1)).run("run", "monthly", "--month", "2026-11");

        // then: monthly-2026-10 had no earlier monthly (the nightly of Oct 15 does not count)
        assertThat(exit).isZero();
        assertThat(lines(fixture.job().runDir("monthly-2026-10").resolve("changes.csv"))).containsExactly(HEADER);
        // monthly-2026-11 (D = Nov 30) against monthly-2026-10 (Dp = Oct 31), same source: nothing
        // restated. R1's new lines (Oct 31, Nov 30]: B3 6,000 and its reversal −6,000, B6 4,000 =
        // 4,000.00 on new {B3, B6}, cancelled {B3}. MONTH: Oct vs Nov, another period: empty.
        // QUARTER = YEAR: Oct 31 R1 had B1 6,000 / 30,000 = 20.00; Nov 30 6,000 + 6,000 − 6,000 +
        // 4,000 = 10,000 / 30,000 = 33.33 → 13.33
        List<String> monthly = lines(fixture.job().runDir("monthly-2026-11").resolve("changes.csv"));
        assertThat(monthly).hasSize(7).allMatch(l -> l.equals(HEADER) || l.startsWith("monthly-2026-11,monthly-2026-10,"));
        assertThat(monthly).contains("monthly-2026-11,monthly-2026-10,REP,R1,team-1,4000.00,0.00,2,1,0,,13.33,13.33");
    }

    /** changes.csv of the second nightly, worked out by hand in the first test's comments. */
    private void assertTheHandWorkedChangesCsv() throws IOException {
        String k = "nightly-2026-11-26,nightly-2026-11-25,";
        assertThat(lines(fixture.job().runDir("nightly-2026-11-26").resolve("changes.csv"))).containsExactly(HEADER,
                k + "TEAM,region,,2000.00,0.00,1,1,4,-3.33,2.22,2.22",
                k + "TEAM,team-1,region,2000.00,2000.00,1,1,2,10.00,6.67,6.67",
                k + "TEAM,team-2,region,0.00,-2000.00,0,0,2,-30.00,-6.66,-6.66",
                k + "REP,R1,team-1,-2000.00,1000.00,1,1,1,-20.00,-3.34,-3.34",
                k + "REP,R2,team-1,4000.00,1000.00,1,0,2,40.00,16.67,16.67",
                k + "REP,R3,team-2,0.00,-2000.00,0,0,2,-30.00,-6.66,-6.66");
    }

    /** What happened in the source between the two nightlies. */
    private void changeTheSource() {
        fixture.sourceDb().runSql("""
                UPDATE booking_credit SET split_percent = 60.00 WHERE booking_id = 'B1' AND employee_id = 'R1';
                UPDATE booking_credit SET split_percent = 40.00 WHERE booking_id = 'B1' AND employee_id = 'R2';
                UPDATE booking SET amount = 5000.00 WHERE booking_id = 'B2';
                UPDATE booking SET status = 'CANCELLED', cancelled_date = '2026-11-26' WHERE booking_id = 'B3';
                UPDATE booking SET status = 'CANCELLED', cancelled_date = '2026-11-20' WHERE booking_id = 'B4';
                INSERT INTO booking (booking_id, booking_date, account_name, amount, currency, booking_type, channel,
                    partner_name, status, cancelled_date, updated_at) VALUES
                 ('B5', '2026-10-25', 'Elm Energy', 2000.00, 'USD', 'NEW', 'DIRECT', NULL, 'BOOKED', NULL, '2026-11-26 09:00:00'),
                 ('B6', '2026-11-26', 'Fir Finance', 8000.00, 'USD', 'NEW', 'DIRECT', NULL, 'BOOKED', NULL, '2026-11-26 11:00:00');
                INSERT INTO booking_credit (booking_id, employee_id, credit_role, split_percent) VALUES
                 ('B5', 'R2', 'PRIMARY', 100.00), ('B6', 'R1', 'PRIMARY', 50.00), ('B6', 'R2', 'PRIMARY', 50.00);
                """);
    }

    private static List<String> pdfPages(Path run, String team) throws IOException {
        Path pdf = run.resolve("packets").resolve(team).resolve(team + "-" + run.getFileName() + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper text = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                text.setStartPage(i);
                text.setEndPage(i);
                pages.add(text.getText(document).replaceAll("\\s+", " "));
            }
            return pages;
        }
    }

    /** The section's page as an image, for the README (target/changes-samples). */
    private static void writeSample(Path run, String team, String name) throws IOException {
        Path pdf = run.resolve("packets").resolve(team).resolve(team + "-" + run.getFileName() + ".pdf");
        Path samples = Files.createDirectories(Path.of("target", "changes-samples"));
        Files.copy(pdf, samples.resolve(team + "-" + run.getFileName() + ".pdf"), StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(1, 80), "png", samples.resolve(name).toFile());
        }
    }

    private static XSSFWorkbook workbook(Path run, String team) throws IOException {
        Path xlsx = run.resolve("packets").resolve(team).resolve(team + "-" + run.getFileName() + ".xlsx");
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Every row of a sheet as its cells joined by '|' (numbers as Java doubles print them). */
    private static List<String> rows(XSSFSheet sheet) {
        DataFormatter dates = new DataFormatter();
        List<String> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                if (cell == null) {
                    cells.add("");
                } else if (cell.getCellType() == CellType.NUMERIC) {
                    cells.add(DateUtil.isCellDateFormatted(cell) ? dates.formatCellValue(cell)
                            : Double.toString(cell.getNumericCellValue()));
                } else {
                    cells.add(cell.getStringCellValue());
                }
            }
            rows.add(String.join("|", cells));
        }
        return rows;
    }

    /** The plain text of the team's packet email in the outbox. */
    private static String emailText(Path run, String team) throws Exception {
        Path eml;
        try (Stream<Path> files = Files.list(run.resolve("outbox"))) {
            eml = files.filter(f -> f.getFileName().toString().startsWith(team + "-" + run.getFileName()))
                    .findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            return text(new MimeMessage(Session.getInstance(new Properties()), in));
        }
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        StringBuilder b = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                b.append(text(multipart.getBodyPart(i)));
            }
        }
        return b.toString();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
