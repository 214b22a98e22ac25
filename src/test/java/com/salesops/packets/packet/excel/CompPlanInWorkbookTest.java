package com.salesops.packets.packet.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.packet.CompSamples;
import com.salesops.packets.packet.Packet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook states the comp plan once (Summary) and explains each rep's estimate (Reps). */
class CompPlanInWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void summaryListsThePlansTiersAndRepsSheetSaysHowEachEstimateComesAbout() throws IOException {
        // given: the sample team with the four reps of CompSamples (rows from the real calculator)
        Packet base = SamplePackets.packet();
        Packet packet = new Packet(base.plan(), base.generatedAt(), base.team(), base.manager(), base.teamRows(),
                CompSamples.repRows(), base.teamNames(), base.directChildTeamIds(), base.distribution(), base.flags(),
                base.dailyCredit(), base.deals(), base.totalDealLines(), base.dealRowsShown(), base.baseCurrency(),
                base.guests(), base.overlayTeams(), base.trend());
        Path file = dir.resolve("comp.xlsx");

        // when
        new ExcelPacketWriter().write(packet, file);

        // then
        try (XSSFWorkbook book = ExcelPacketWriterTest.open(file)) {
            Sheet summary = book.getSheet("Summary");
            int title = rowStartingWith(summary, "Comp plan: how the comp estimate is worked out");
            assertThat(strings(summary.getRow(title + 1))).containsExactly("Comp plan", "Tier", "From attainment",
                    "Up to attainment", "Rate", "Annual target (USD)", "Cap (of target)");
            // the shipped default: 0–50 % × 0, 50–100 % × 1.0, 100–150 % × 1.5, from 150 % × 2.0; 60,000; cap 250 %
            assertTier(summary.getRow(title + 2), "Tier 1", 0.0, 0.5, 0.0);
            assertTier(summary.getRow(title + 3), "Tier 2", 0.5, 1.0, 1.0);
            assertTier(summary.getRow(title + 4), "Tier 3", 1.0, 1.5, 1.5);
            Row top = summary.getRow(title + 5);
            assertThat(top.getCell(1).getStringCellValue()).isEqualTo("Tier 4");
            assertThat(top.getCell(2).getNumericCellValue()).isEqualTo(1.5);
            assertThat(top.getCell(3)).isNull();
            assertThat(top.getCell(4).getNumericCellValue()).isEqualTo(2.0);
            assertThat(top.getCell(5).getNumericCellValue()).isEqualTo(60000.0);
            assertThat(top.getCell(6).getNumericCellValue()).isEqualTo(2.5);
            assertThat(top.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            // window targets: 60,000 × 1, 3, 12 months ÷ 12
            assertThat(summary.getRow(title + 6).getCell(0).getStringCellValue()).isEqualTo("\u201cdefault\u201d window"
                    + " targets (annual target × months ÷ 12): MONTH 5,000.00, QUARTER 15,000.00, YEAR 60,000.00 USD.");

            Sheet reps = book.getSheet("Reps");
            // E1 MONTH: 5,000 × (50 × 1.0 + 23.4567 × 1.5) % = 4,259.25; 15,000 − 12,345.67 = 2,654.33 to tier 4
            Row e1 = repRow(reps, "MONTH", "E1");
            assertThat(e1.getCell(18).getNumericCellValue()).isEqualTo(4259.25);
            assertThat(e1.getCell(20).getStringCellValue()).isEqualTo("Tier 3");
            assertThat(e1.getCell(21).getNumericCellValue()).isEqualTo(2654.33);
            assertThat(e1.getCell(23).getStringCellValue()).isEqualTo("default");
            assertThat(e1.getCell(24).getStringCellValue())
                    .isEqualTo("85.19 % × 5,000.00: 50.00 × 1.0 + 23.46 × 1.5");
            // E2 MONTH: 24,258.91 of 60,000.00 = 40.43 %, below the first paying tier; 30,000 − 24,258.91 = 5,741.09
            Row e2 = repRow(reps, "MONTH", "E2");
            assertThat(e2.getCell(18).getNumericCellValue()).isEqualTo(0.0);
            assertThat(e2.getCell(20).getStringCellValue()).isEqualTo("Tier 1");
            assertThat(e2.getCell(21).getNumericCellValue()).isEqualTo(5741.09);
            assertThat(e2.getCell(24).getStringCellValue())
                    .isEqualTo("Not above 50 %, where the plan starts to pay: 0.00.");
        }
    }

    private static void assertTier(Row row, String tier, double from, double upTo, double rate) {
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo("default");
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(tier);
        assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(from);
        assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(upTo);
        assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(rate);
    }

    private static int rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().startsWith(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starts with " + text);
    }

    private static Row repRow(Sheet sheet, String window, String employee) {
        for (Row row : sheet) {
            if (window.equals(row.getCell(0).toString()) && employee.equals(row.getCell(4).toString())) {
                return row;
            }
        }
        throw new AssertionError("no " + window + " row of " + employee);
    }

    private static List<String> strings(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }
}
