package com.salesops.packets.packet.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.Packet;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelPacketWriterTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @TempDir
    static Path shared;

    private static Path sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeSample() throws IOException {
        sample = shared.resolve("team-west-nightly-2026-11-26.xlsx");
        new ExcelPacketWriter().write(SamplePackets.packet(), sample);
    }

    @Test
    void sheetsComeInTheDesignedOrder() throws IOException {
        // given the sample written once

        // when
        try (XSSFWorkbook book = open(sample)) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));

            // then
            assertThat(names).containsExactly("Summary", "Changes", "Trend", "Reps", "Deals", "Flags", "Chart");
        }
    }

    @Test
    void headersAreWordsInAttainmentCsvOrderAndMoneyHeadersNameTheBaseCurrency() throws IOException {
        // given the sample packet in USD

        // when
        try (XSSFWorkbook book = open(sample)) {
            List<String> header = texts(book.getSheet("Reps").getRow(0));

            // then: attainment.csv's columns (less run_key, on Summary) in its order, then the extras
            assertThat(header).containsExactly("Window", "Period start", "Period end", "Level", "Employee id", "Rep",
                    "Team id", "Quota (USD)", "Credited (USD)", "Attainment", "Expected", "Pace index", "Pace status",
                    "Projected", "Gap to quota (USD)", "Deals", "Rank in team", "Rank in company",
                    "Comp estimate (USD)", "Team", "Comp tier", "Credit to next tier (USD)", "In this packet because",
                    "Comp plan", "Comp estimate: how, or why 0.00");
            assertThat(texts(book.getSheet("Deals").getRow(1))).containsExactly("Booking", "Line date",
                    "Booking date", "Account", "Type", "Channel", "Partner", "Original amount", "Currency",
                    "FX rate to USD", "Employee id", "Employee", "Role", "Split", "Credited (USD)", "Reversal",
                    "Team id", "Team");
            assertThat(texts(book.getSheet("Flags").getRow(0))).containsExactly("Flag", "Employee id",
                    "Employee", "Team id", "Team", "Period start", "Period end", "Bookings", "Amount (USD)", "Recent");
        }
    }

    @Test
    void trendListsTeamAndRepsMonthByMonthWithCreditedQuotaAndAttainment() throws IOException {
        // given the sample's Trend: West and e1, e4 in October and November 2026

        // when
        try (XSSFWorkbook book = open(sample)) {
            Sheet trend = book.getSheet("Trend");

            // then
            assertThat(texts(trend.getRow(0))).containsExactly("Level", "Id", "Name", "Month", "Credited (USD)",
                    "Quota (USD)", "Attainment");
            assertThat(trend.getLastRowNum()).isEqualTo(6);
            Row westNov = trend.getRow(2);
            assertThat(text(westNov, 0)).isEqualTo("Team");
            assertThat(text(westNov, 2)).isEqualTo("Team West");
            assertThat(new DataFormatter().formatCellValue(westNov.getCell(3))).isEqualTo("2026-11");
            assertThat(number(westNov, 4)).isEqualByComparingTo("19221.30");
            assertThat(number(westNov, 5)).isEqualByComparingTo("40000.00");
            assertThat(number(westNov, 6)).isEqualByComparingTo("48.05");  // 19,221.30 / 40,000 = 48.053 %
            Row e1Oct = trend.getRow(3);
            assertThat(text(e1Oct, 2)).isEqualTo("Łukasz Nowak");
            assertThat(number(e1Oct, 6)).isEqualByComparingTo("29.33");    // 4,400 / 15,000 = 29.333 %
            Row e4Nov = trend.getRow(6);
            assertThat(e4Nov.getCell(5)).isNull();                          // no quota row: blank, not 0
            assertThat(text(e4Nov, 6)).isEqualTo("n/a");
        }
    }

    @Test
    void percentagesAreFractionsWithAPercentFormatSoFormulasGiveCredit() throws IOException {
        // given e1's MONTH attainment 82.30 % (12,345.67 / 15,000 = 0.823045 → 82.30 as printed)

        // when
        try (XSSFWorkbook book = open(sample)) {
            Sheet reps = book.getSheet("Reps");
            Row e1 = null;
            for (int r = 1; r <= reps.getLastRowNum(); r++) {
                if (text(reps.getRow(r), 4).equals("e1") && text(reps.getRow(r), 0).equals("MONTH")) {
                    e1 = reps.getRow(r);
                }
            }

            // then: the cell holds 0.823, shown as 82.30%; × quota 15,000 = 12,345.00
            Cell attainment = e1.getCell(9);
            assertThat(attainment.getNumericCellValue()).isEqualTo(0.823);
            assertThat(attainment.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(new DataFormatter().formatCellValue(attainment)).isEqualTo("82.30%");
            assertThat(BigDecimal.valueOf(attainment.getNumericCellValue()).multiply(new BigDecimal("15000")))
                    .isEqualByComparingTo("12345.00");
        }
    }

    @Test
    void everyRepsNumberIsTheNodeResultRoundedHalfUpToTwoDecimalsAndEmptyOptionalsAreBlank() throws IOException {
        // given rows in attainment.csv order: window, then node id
        Packet packet = SamplePackets.packet();
        List<NodeResult> expected = packet.repRows().stream()
                .sorted((a, b) -> a.window() != b.window() ? a.window().compareTo(b.window())
                        : a.nodeId().compareTo(b.nodeId()))
                .toList();

        // when
        try (XSSFWorkbook book = open(sample)) {
            Sheet reps = book.getSheet("Reps");

            // then
            assertThat(reps.getLastRowNum()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                NodeResult n = expected.get(i);
                Row row = reps.getRow(i + 1);
                assertThat(text(row, 0)).isEqualTo(n.window().name());
                assertThat(date(row, 1)).isEqualTo(n.period().start());
                assertThat(date(row, 2)).isEqualTo(n.period().end());
                assertThat(text(row, 4)).isEqualTo(n.nodeId());
                assertThat(text(row, 5)).isEqualTo(n.nodeName());
                assertNumber(row, 7, n.quota());
                assertNumber(row, 8, Optional.of(n.credited()));
                assertNumber(row, 9, n.attainmentPct());
                assertNumber(row, 10, Optional.of(n.expectedPct()));
                assertNumber(row, 11, n.paceIndex());
                assertThat(optionalText(row, 12)).isEqualTo(n.paceStatus().map(Enum::name));
                assertNumber(row, 13, n.projectedPct());
                assertNumber(row, 14, n.gapToQuota());
                assertInteger(row, 15, OptionalInt.of(n.dealCount()));
                assertInteger(row, 16, n.rankInTeam());
                assertInteger(row, 17, n.rankInCompany());
                assertNumber(row, 18, n.compEstimate());
                assertThat(optionalText(row, 20)).isEqualTo(
                        n.currentTier().isPresent() ? Optional.of("Tier " + (n.currentTier().getAsInt() + 1))
                                : Optional.empty());
                assertNumber(row, 21, n.creditToNextTier());
            }
        }
    }

    @Test
    void repsAttainmentMatchesCreditedOverQuotaComputedFromTheSampleInputs() throws IOException {
        // given quota = monthly quota × months of the full period, credited = Σ lines dated in the window
        Map<String, BigDecimal> expectedAttainment = new HashMap<>();
        for (SamplePackets.Rep rep : SamplePackets.REPS) {
            for (Window w : Window.values()) {
                if (rep.monthlyQuota() == null) {
                    continue;
                }
                BigDecimal credited = SamplePackets.dealLines().stream()
                        .filter(d -> d.line().employeeId().equals(rep.id()))
                        .filter(d -> SamplePackets.PLAN.window(w).contains(d.line().lineDate()))
                        .map(d -> d.line().amountBase())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal quota = rep.monthlyQuota().multiply(BigDecimal.valueOf(SamplePackets.months(w)));
                expectedAttainment.put(w + "/" + rep.id(),
                        credited.multiply(HUNDRED).divide(quota, 2, RoundingMode.HALF_UP));
            }
        }

        // when
        try (XSSFWorkbook book = open(sample)) {
            Map<String, BigDecimal> actual = new HashMap<>();
            Sheet reps = book.getSheet("Reps");
            for (int r = 1; r <= reps.getLastRowNum(); r++) {
                Row row = reps.getRow(r);
                if (row.getCell(9) != null) {
                    actual.put(text(row, 0) + "/" + text(row, 4), number(row, 9));
                }
            }

            // then
            assertThat(actual).isEqualTo(expectedAttainment);
            assertThat(actual.get("MONTH/e1")).isEqualByComparingTo("82.30");   // 12,345.67 / 15,000
            assertThat(actual.get("QUARTER/e2")).isEqualByComparingTo("22.00"); // 6,600 / 30,000
            assertThat(actual.get("MONTH/e3")).isEqualByComparingTo("98.22");   // 6,875.63 / 7,000
        }
    }

    @Test
    void summaryKpiNumbersAreTheTeamRowsRoundedForTheTeamAndItsDirectChild() throws IOException {
        // given
        Packet packet = SamplePackets.packet();

        // when
        try (XSSFWorkbook book = open(sample)) {
            Sheet summary = book.getSheet("Summary");
            int header = findRow(summary, "Window", "Period start");
            List<String> teamsSeen = new ArrayList<>();

            // then
            for (int r = header + 1; summary.getRow(r) != null && summary.getRow(r).getCell(0) != null; r++) {
                Row row = summary.getRow(r);
                Window w = Window.valueOf(text(row, 0));
                NodeResult n = packet.teamRows().stream()
                        .filter(t -> t.window() == w && t.nodeId().equals(text(row, 3))).findFirst().orElseThrow();
                teamsSeen.add(w + "/" + n.nodeId());
                assertThat(text(row, 4)).isEqualTo(n.nodeName());
                assertNumber(row, 5, n.quota());
                assertNumber(row, 6, n.sumOfRepQuotas());
                assertNumber(row, 7, n.overAssignmentPct());
                assertNumber(row, 8, Optional.of(n.credited()));
                assertNumber(row, 9, n.attainmentPct());
                assertNumber(row, 10, Optional.of(n.expectedPct()));
                assertNumber(row, 11, n.paceIndex());
                assertThat(optionalText(row, 12)).isEqualTo(n.paceStatus().map(Enum::name));
                assertNumber(row, 13, n.projectedPct());
                assertNumber(row, 14, n.gapToQuota());
                assertInteger(row, 15, OptionalInt.of(n.dealCount()));
            }
            assertThat(teamsSeen).containsExactly("MONTH/team-west", "MONTH/team-west-a", "QUARTER/team-west",
                    "QUARTER/team-west-a", "YEAR/team-west", "YEAR/team-west-a");
            Row westMonth = summary.getRow(header + 1);
            assertThat(number(westMonth, 8)).isEqualByComparingTo("19221.30"); // 12,345.67 + 8,000 − 8,000 + 6,875.63
            assertThat(number(westMonth, 9)).isEqualByComparingTo("48.05");    // of 40,000
            // over-assignment: reps carry 32,000 of the team's 40,000: 32,000 / 40,000 − 1 = −20.00 %
            assertThat(number(westMonth, 7)).isEqualByComparingTo("-20.00");
            assertThat(number(westMonth, 10)).isEqualByComparingTo("86.67");   // 26 of 30 days
        }
    }

    @Test
    void summaryShowsTitleRunKeyAsOfDistributionAndFlagCount() throws IOException {
        // given
        Packet packet = SamplePackets.packet();

        // when
        try (XSSFWorkbook book = open(sample)) {
            Sheet summary = book.getSheet("Summary");

            // then
            assertThat(text(summary.getRow(0), 0)).isEqualTo("Team West · Zoë Manager · Performance packet");
            assertThat(text(summary.getRow(1), 1)).isEqualTo("nightly-2026-11-26");
            assertThat(text(summary.getRow(2), 0)).isEqualTo("Currency");
            assertThat(text(summary.getRow(2), 1)).isEqualTo("Every amount is in USD (the base currency)");
            assertThat(date(summary.getRow(3), 1)).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(summary.getRow(4).getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(java.time.LocalDateTime.of(2026, 11, 27, 2, 15));
            // wide enough for yyyy-mm-dd hh:mm:ss (19 characters), so no ###
            assertThat(summary.getColumnWidth(1)).isGreaterThanOrEqualTo(20 * 256);
            assertThat(text(summary.getRow(5), 0)).isEqualTo("Flags");
            assertThat(number(summary.getRow(5), 1)).isEqualByComparingTo("2");
            int header = findRow(summary, "Window", "Ranked reps");
            for (Window w : Window.values()) {
                Row row = summary.getRow(header + 1 + w.ordinal());
                var d = packet.distribution().get(w);
                assertThat(text(row, 0)).isEqualTo(w.name());
                assertThat(List.of(number(row, 1), number(row, 2), number(row, 3), number(row, 4), number(row, 5),
                        number(row, 6))).isEqualTo(Stream.of(d.ranked(), d.atOrAbove100(), d.from75To100(),
                        d.from50To75(), d.below50(), d.noQuota()).map(i -> BigDecimal.valueOf(i).setScale(2)).toList());
                assertNumber(row, 7, d.pctAtOrAbove100());
            }
            // MONTH: e3 98.22 and e1 82.30 in 75–100, e2 0.00 below 50, e4 without quota
            Row month = summary.getRow(header + 1);
            assertThat(List.of(number(month, 3), number(month, 5), number(month, 6)))
                    .containsExactly(new BigDecimal("2.00"), new BigDecimal("1.00"), new BigDecimal("1.00"));
            assertThat(findRowOrMinus(summary, "Deals lists only")).isEqualTo(-1);
        }
    }

    @Test
    void dealsLinesSumPerRepAndWindowToTheRepsCredited() throws IOException {
        // given
        try (XSSFWorkbook book = open(sample)) {
            Sheet deals = book.getSheet("Deals");
            Sheet reps = book.getSheet("Reps");

            // when
            Map<String, BigDecimal> sums = new HashMap<>();
            for (int r = 2; r <= deals.getLastRowNum(); r++) {
                Row row = deals.getRow(r);
                LocalDate lineDate = date(row, 1);
                for (Window w : Window.values()) {
                    if (SamplePackets.PLAN.window(w).contains(lineDate)) {
                        sums.merge(w + "/" + text(row, 10), number(row, 14), BigDecimal::add);
                    }
                }
            }

            // then
            assertThat(deals.getLastRowNum() - 1).isEqualTo(SamplePackets.dealLines().size());
            for (int r = 1; r <= reps.getLastRowNum(); r++) {
                Row row = reps.getRow(r);
                BigDecimal credited = number(row, 8);
                assertThat(sums.getOrDefault(text(row, 0) + "/" + text(row, 4), BigDecimal.ZERO.setScale(2)))
                        .as("deals of %s in %s", text(row, 4), text(row, 0))
                        .isEqualByComparingTo(credited);
            }
        }
    }

    @Test
    void dealsShowSplitRoleFxAndReversalOfEachLine() throws IOException {
        // given the B-1003 reversal, the 6th line in replay order
        try (XSSFWorkbook book = open(sample)) {
            // when
            Row reversal = book.getSheet("Deals").getRow(2 + 5);
            Row split = book.getSheet("Deals").getRow(2 + 1);

            // then
            assertThat(text(reversal, 0)).isEqualTo("B-1003");
            assertThat(date(reversal, 1)).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(date(reversal, 2)).isEqualTo(LocalDate.of(2026, 11, 10));
            assertThat(number(reversal, 14)).isEqualByComparingTo("-8000.00");
            assertThat(text(reversal, 15)).isEqualTo("yes");
            assertThat(text(split, 0)).isEqualTo("B-1002");
            assertThat(text(split, 8)).isEqualTo("EUR");
            assertThat(BigDecimal.valueOf(split.getCell(9).getNumericCellValue())).isEqualByComparingTo("1.1");
            assertThat(number(split, 7)).isEqualByComparingTo("10000.00");
            assertThat(text(split, 11)).isEqualTo("Łukasz Nowak");
            assertThat(text(split, 12)).isEqualTo("PRIMARY");
            assertThat(number(split, 13)).isEqualByComparingTo("40.00");
            assertThat(number(split, 14)).isEqualByComparingTo("4400.00");
            assertThat(text(split, 15)).isEqualTo("no");
            assertThat(text(split, 17)).isEqualTo("Team West");
        }
    }

    @Test
    void formulaLookingSourceTextIsLiteralStringCellsAndNothingIsAFormula() throws IOException {
        // given accounts and a partner written like formulas
        try (XSSFWorkbook book = open(sample)) {
            Sheet deals = book.getSheet("Deals");
            Map<String, Cell> accountByBooking = new HashMap<>();
            Map<String, Cell> partnerByBooking = new HashMap<>();
            for (int r = 2; r <= deals.getLastRowNum(); r++) {
                accountByBooking.put(text(deals.getRow(r), 0), deals.getRow(r).getCell(3));
                partnerByBooking.put(text(deals.getRow(r), 0), deals.getRow(r).getCell(6));
            }

            // when
            Map<String, String> expected = Map.of("B-1001", SamplePackets.HYPERLINK, "B-1002", SamplePackets.PLUS,
                    "B-1003", SamplePackets.MINUS, "B-1004", SamplePackets.AT_SUM);

            // then
            expected.forEach((booking, literal) -> {
                Cell cell = accountByBooking.get(booking);
                assertThat(cell.getCellType()).as(booking).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(literal);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            });
            assertThat(partnerByBooking.get("B-1005").getCellType()).isEqualTo(CellType.STRING);
            assertThat(partnerByBooking.get("B-1005").getStringCellValue()).isEqualTo(SamplePackets.HYPERLINK);
            assertThat(accountByBooking.get("B-1005").getStringCellValue())
                    .isEqualTo(SamplePackets.DIRTY_ACCOUNT_CLEAN);
            book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell ->
                    assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA))));
        }
    }

    @Test
    void unicodeRepAndTeamNamesSurviveInReps() throws IOException {
        // given
        try (XSSFWorkbook book = open(sample)) {
            // when
            List<String> repNames = new ArrayList<>();
            Sheet reps = book.getSheet("Reps");
            for (int r = 1; r <= reps.getLastRowNum(); r++) {
                if (text(reps.getRow(r), 0).equals("MONTH")) {
                    repNames.add(text(reps.getRow(r), 5) + "|" + optionalText(reps.getRow(r), 19).orElse(""));
                }
            }

            // then
            assertThat(repNames).containsExactly("Łukasz Nowak|Team West", "王伟|Team West", "Priya Raman|West Łódź",
                    "Zoë Adams|Team West");
        }
    }

    @Test
    void datesAreDateFormattedNumericCells() throws IOException {
        // given
        try (XSSFWorkbook book = open(sample)) {
            // when
            List<Cell> dates = List.of(
                    book.getSheet("Summary").getRow(3).getCell(1),
                    book.getSheet("Reps").getRow(1).getCell(1),
                    book.getSheet("Reps").getRow(1).getCell(2),
                    book.getSheet("Deals").getRow(2).getCell(1),
                    book.getSheet("Deals").getRow(2).getCell(2),
                    book.getSheet("Flags").getRow(1).getCell(5));

            // then
            for (Cell cell : dates) {
                assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(cell)).as(cell.getAddress().toString()).isTrue();
            }
            assertThat(date(book.getSheet("Deals").getRow(2), 1)).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(new DataFormatter().formatCellValue(dates.get(0))).isEqualTo("2026-11-26");
        }
    }

    @Test
    void repWithoutQuotaHasBlankQuotaAttainmentPaceGapAndRanks() throws IOException {
        // given e4 has no rep_quota row
        try (XSSFWorkbook book = open(sample)) {
            Sheet reps = book.getSheet("Reps");
            Row e4 = null;
            for (int r = 1; r <= reps.getLastRowNum(); r++) {
                if (text(reps.getRow(r), 4).equals("e4") && text(reps.getRow(r), 0).equals("MONTH")) {
                    e4 = reps.getRow(r);
                }
            }

            // when
            Row row = e4;

            // then
            for (int col : new int[] {7, 9, 11, 12, 13, 14, 16, 17, 20, 21}) {
                Cell cell = row.getCell(col);
                assertThat(cell == null || cell.getCellType() == CellType.BLANK)
                        .as("column %s", RepsSheet.headers("USD")[col]).isTrue();
            }
            assertThat(number(row, 8)).isEqualByComparingTo("0.00");
            assertThat(number(row, 18)).isEqualByComparingTo("0.00");
            assertThat(number(row, 10)).isEqualByComparingTo("86.67");
        }
    }

    @Test
    void flagsNameEmployeeWhenKnownTeamPeriodBookingsAndAmount() throws IOException {
        // given
        try (XSSFWorkbook book = open(sample)) {
            Sheet flags = book.getSheet("Flags");

            // when
            Row unknown = flags.getRow(1);
            Row pullIn = flags.getRow(2);

            // then
            assertThat(flags.getLastRowNum()).isEqualTo(2);
            assertThat(text(unknown, 0)).isEqualTo("CANCELLED_AFTER_CREDIT");
            assertThat(text(unknown, 1)).isEqualTo("e9");
            assertThat(unknown.getCell(2)).isNull();
            assertThat(text(unknown, 4)).isEqualTo("West Łódź");
            assertThat(text(unknown, 7)).isEqualTo("B-0998;B-0999");
            assertThat(number(unknown, 8)).isEqualByComparingTo("1234.50");
            assertThat(text(pullIn, 2)).isEqualTo("Łukasz Nowak");
            assertThat(date(pullIn, 5)).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(date(pullIn, 6)).isEqualTo(LocalDate.of(2026, 10, 31));
        }
    }

    @Test
    void headersAreFrozenFilteredAndRepeatedOnPrintedLandscapePages() throws IOException {
        // given
        try (XSSFWorkbook book = open(sample)) {
            // when
            Map<String, Integer> headerRow = Map.of("Trend", 0, "Reps", 0, "Deals", 1, "Flags", 0);

            // then
            headerRow.forEach((name, header) -> {
                XSSFSheet sheet = book.getSheet(name);
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat((int) sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo(header + 1);
                assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
                CellRangeAddress filter = CellRangeAddress.valueOf(sheet.getCTWorksheet().getAutoFilter().getRef());
                assertThat(filter.getFirstRow()).as(name).isEqualTo(header);
                assertThat(filter.getLastRow()).as(name).isEqualTo(sheet.getLastRowNum());
                assertThat(sheet.getRepeatingRows()).as(name).isEqualTo(new CellRangeAddress(header, header, -1, -1));
            });
            for (Sheet sheet : book) {
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getColumnWidth(0)).as(sheet.getSheetName()).isGreaterThan(256 * 8);
            }
            XSSFSheet summary = book.getSheet("Summary");
            assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
            // frozen down to and including the KPI table's header, not just the title
            int kpiHeader = findRow(summary, "Window", "Period start");
            assertThat((int) summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo(kpiHeader + 1);
        }
    }

    @Test
    void paceStatusIsColouredByConditionalFormatting() throws IOException {
        // given
        try (XSSFWorkbook book = open(sample)) {
            // when
            var formatting = book.getSheet("Reps").getSheetConditionalFormatting();

            // then
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
                var cf = formatting.getConditionalFormattingAt(i);
                assertThat(cf.getFormattingRanges()[0].getFirstColumn()).isEqualTo(RepsSheet.PACE_STATUS_COL);
                conditions.add(cf.getRule(0).getFormula1());
            }
            assertThat(conditions).containsExactly("\"ON_PACE\"", "\"AT_RISK\"", "\"BEHIND\"");
        }
    }

    @Test
    void chartPlotsQuarterAttainmentBestFirstInItsOwnColoursWithAHundredPercentLine() throws IOException {
        // given the reps with a QUARTER quota (e4 has none), highest 2-decimal attainment first
        List<NodeResult> quarter = SamplePackets.packet().repRows().stream()
                .filter(r -> r.window() == Window.QUARTER && r.attainmentPct().isPresent())
                .sorted(java.util.Comparator.comparing(
                        (NodeResult r) -> r.attainmentPct().orElseThrow().setScale(2, RoundingMode.HALF_UP)).reversed())
                .toList();
        assertThat(quarter).hasSize(3);

        try (XSSFWorkbook book = open(sample)) {
            XSSFSheet sheet = book.getSheet("Chart");

            // when
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();

            // then
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).getTitleText().getString()).startsWith("Attainment by rep, quarter 2026-10-01");
            List<XDDFChartData> data = charts.get(0).getChartSeries();
            assertThat(data).hasSize(2);
            assertThat(data.get(0)).isInstanceOf(XDDFBarChartData.class);
            assertThat(data.get(1)).isInstanceOf(XDDFLineChartData.class);
            var bars = data.get(0).getSeries(0);
            List<String> categories = new ArrayList<>();
            for (int i = 0; i < bars.getCategoryData().getPointCount(); i++) {
                categories.add(bars.getCategoryData().getPointAt(i).toString());
            }
            assertThat(categories).containsExactlyElementsOf(quarter.stream().map(NodeResult::nodeName).toList());
            // e2: 6,600 of a 30,000 quarter = 22.00 %, stored as the fraction 0.22
            int e2 = categories.indexOf("王伟") + 1;
            assertThat(sheet.getRow(e2).getCell(3).getNumericCellValue()).isEqualTo(0.22);
            // Zoë Adams has no quota: listed below the chart's rows, no bar
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Zoë Adams");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("n/a (no quota)");
            var line = data.get(1).getSeries(0);
            assertThat(line.getValuesData().getPointCount()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(line.getValuesData().getPointAt(i).doubleValue()).isEqualTo(1.0);
            }
            // each series has its own colour; the line chart says its grouping; the workbook has a theme
            var plot = charts.get(0).getCTChart().getPlotArea();
            assertThat(plot.getBarChartArray(0).getSerArray(0).getSpPr().getSolidFill().getSrgbClr().getVal())
                    .isEqualTo(ChartSheet.BAR_RGB);
            assertThat(plot.getLineChartArray(0).getSerArray(0).getSpPr().getLn().getSolidFill().getSrgbClr().getVal())
                    .isEqualTo(ChartSheet.LINE_RGB);
            assertThat(plot.getLineChartArray(0).getGrouping().getVal().toString()).isEqualTo("standard");
            assertThat(book.getTheme()).isNotNull();
            assertThat(book.getTheme().getThemeColor(4).getARGBHex()).isEqualTo("FF4472C4");
        }
    }

    @Test
    void truncatedPacketSaysSoOnSummaryAndDeals() throws IOException {
        // given only the largest 3 of 7 lines
        Packet packet = SamplePackets.truncated(3);
        Path file = dir.resolve("cut.xlsx");

        // when
        new ExcelPacketWriter().write(packet, file);

        // then
        try (XSSFWorkbook book = open(file)) {
            String note = "Deals lists only the largest 3 of 7 credit lines";
            assertThat(text(book.getSheet("Deals").getRow(0), 0)).startsWith(note).contains("attainment.csv")
                    .contains("team packets");
            int summaryRow = findRowOrMinus(book.getSheet("Summary"), note);
            assertThat(summaryRow).isPositive();
            assertThat(book.getSheet("Deals").getLastRowNum()).isEqualTo(1 + 3);
            assertThat(number(book.getSheet("Deals").getRow(2), 14)).isEqualByComparingTo("20000.00");
        }
    }

    @Test
    void samePacketGivesSameCellsAndCoreProperties() throws IOException {
        // given
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");

        // when
        new ExcelPacketWriter().write(SamplePackets.packet(), first);
        new ExcelPacketWriter().write(SamplePackets.packet(), second);

        // then
        try (XSSFWorkbook a = open(first); XSSFWorkbook b = open(second)) {
            assertThat(dump(a)).isEqualTo(dump(b));
            var core = a.getProperties().getCoreProperties();
            assertThat(core.getCreator()).isEqualTo("Attainment Packets");
            assertThat(core.getTitle()).isEqualTo("Performance packet Team West nightly-2026-11-26");
            assertThat(core.getCreated().toInstant()).isEqualTo(SamplePackets.GENERATED_AT);
            assertThat(b.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(core.getCreated());
        }
    }

    @Test
    void overwritesAnExistingPacketAndLeavesNoTempFileBeside() throws IOException {
        // given an older file at the target
        Path file = dir.resolve("team-west.xlsx");
        Files.writeString(file, "old");

        // when
        new ExcelPacketWriter().write(SamplePackets.packet(), file);

        // then
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("team-west.xlsx");
        }
        try (XSSFWorkbook book = open(file)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(7);
        }
    }

    @Test
    void failingDealSourceLeavesNoPacketNoTempFileAndNoSxssfTempFiles() throws IOException {
        // given POI's temp files go to a folder of this test only
        Path poiTemp = Files.createDirectories(dir.resolve("poi-temp"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Packet packet = SamplePackets.packet(SamplePackets.failingAfter(1_000), 2_000, 2_000);
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
        try {
            // when
            assertThatThrownBy(() -> new ExcelPacketWriter().write(packet, out.resolve("p.xlsx")))
                    .hasMessageContaining("source connection lost");

            // then
            try (Stream<Path> left = Files.walk(poiTemp)) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
            try (Stream<Path> left = Files.list(out)) {
                assertThat(left).isEmpty();
            }
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    @Test
    void successfulWriteAlsoDisposesSxssfTempFiles() throws IOException {
        // given
        Path poiTemp = Files.createDirectories(dir.resolve("poi-temp"));
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
        try {
            // when
            new ExcelPacketWriter().write(SamplePackets.packet(), dir.resolve("ok.xlsx"));

            // then
            try (Stream<Path> left = Files.walk(poiTemp)) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    // ---- reading helpers ----

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static String text(Row row, int col) {
        Cell cell = row.getCell(col);
        assertThat(cell).as("cell %s of row %s", col, row.getRowNum() + 1).isNotNull();
        assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    private static Optional<String> optionalText(Row row, int col) {
        Cell cell = row.getCell(col);
        return cell == null || cell.getCellType() == CellType.BLANK ? Optional.empty() : Optional.of(text(row, col));
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private static BigDecimal number(Row row, int col) {
        Cell cell = row.getCell(col);
        assertThat(cell).as("cell %s of row %s", col, row.getRowNum() + 1).isNotNull();
        assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
        BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
        // percentages are stored as fractions (0.823 for 82.30 %): compared here as printed
        if (cell.getCellStyle().getDataFormatString().endsWith("%")) {
            value = value.movePointRight(2);
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(Row row, int col) {
        Cell cell = row.getCell(col);
        assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as(cell.getAddress().toString()).isTrue();
        return cell.getLocalDateTimeCellValue().toLocalDate();
    }

    private static void assertNumber(Row row, int col, Optional<BigDecimal> expected) {
        if (expected.isEmpty()) {
            Cell cell = row.getCell(col);
            if (cell != null && cell.getCellType() == CellType.STRING) {
                assertThat(cell.getStringCellValue()).as(cell.getAddress().toString()).isEqualTo("n/a");
            } else {
                assertThat(cell == null || cell.getCellType() == CellType.BLANK)
                        .as("row %s col %s blank", row.getRowNum() + 1, col).isTrue();
            }
            return;
        }
        assertThat(number(row, col)).as("row %s col %s", row.getRowNum() + 1, col)
                .isEqualTo(expected.get().setScale(2, RoundingMode.HALF_UP));
    }

    private static void assertInteger(Row row, int col, OptionalInt expected) {
        assertNumber(row, col, expected.isPresent() ? Optional.of(BigDecimal.valueOf(expected.getAsInt()))
                : Optional.empty());
    }

    private static int findRow(Sheet sheet, String first, String second) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            Cell b = row.getCell(1);
            if (a != null && b != null && a.getCellType() == CellType.STRING && b.getCellType() == CellType.STRING
                    && a.getStringCellValue().equals(first) && b.getStringCellValue().equals(second)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting " + first + ", " + second + " on " + sheet.getSheetName());
    }

    private static int findRowOrMinus(Sheet sheet, String prefix) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().startsWith(prefix)) {
                return row.getRowNum();
            }
        }
        return -1;
    }

    private static String dump(XSSFWorkbook book) {
        DataFormatter format = new DataFormatter();
        StringBuilder out = new StringBuilder();
        book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell ->
                out.append(sheet.getSheetName()).append('!').append(cell.getAddress()).append('=')
                        .append(cell.getCellType()).append(':').append(format.formatCellValue(cell)).append('\n'))));
        return out.toString();
    }
}
