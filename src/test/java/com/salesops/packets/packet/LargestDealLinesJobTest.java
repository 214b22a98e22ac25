package com.salesops.packets.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.JobFixture;
import com.salesops.packets.testing.JobRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A packet whose subtree has more lines than {@code packets.excel.max-deal-rows} lists the largest lines
 * (docs/architecture.md, "Outputs"), picked by the database on MariaDB: checked against the team packets,
 * whose Deals sheets are complete, with {@code fixtures/small-org.sql} (region = team-a + team-b).
 */
class LargestDealLinesJobTest {

    private static final String KEY = "nightly-2026-11-26";

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    /** One Deals row: booking, employee, credited amount, reversal. */
    private record Line(String bookingId, String employeeId, BigDecimal credited, boolean reversal) {
    }

    @Test
    void packetOverTheDealRowLimitListsExactlyItsLargestLinesLargestFirstAndSaysSo() throws Exception {
        // given
        JobRun job = fixture.job().with("--packets.excel.max-deal-rows=3");

        // when
        int exit = job.run("run", "nightly", "--as-of", "2026-11-26");

        // then: the team packets are under the limit and complete; together they are the region's lines
        assertThat(exit).isZero();
        Path packets = job.runDir(KEY).resolve("packets");
        List<Line> all = new ArrayList<>(deals(packets.resolve("team-a").resolve("team-a-" + KEY + ".xlsx")));
        all.addAll(deals(packets.resolve("team-b").resolve("team-b-" + KEY + ".xlsx")));
        assertThat(all).hasSizeGreaterThan(3);
        List<Line> expected = all.stream()
                .sorted(Comparator.comparing((Line l) -> l.credited().abs()).reversed()
                        .thenComparing(Line::bookingId).thenComparing(Line::employeeId)
                        .thenComparing(Line::reversal))
                .limit(3).toList();
        Path region = packets.resolve("region").resolve("region-" + KEY + ".xlsx");
        assertThat(deals(region)).containsExactlyElementsOf(expected);
        assertThat(note(region)).contains("3").contains(String.valueOf(all.size()));
    }

    private static List<Line> deals(Path xlsx) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(xlsx.toFile())) {
            Sheet sheet = book.getSheet("Deals");
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                lines.add(new Line(row.getCell(0).getStringCellValue(), row.getCell(10).getStringCellValue(),
                        BigDecimal.valueOf(row.getCell(14).getNumericCellValue()).setScale(2),
                        "yes".equals(row.getCell(15).getStringCellValue())));
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        return lines;
    }

    private static String note(Path xlsx) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(xlsx.toFile())) {
            return book.getSheet("Deals").getRow(0).getCell(0).getStringCellValue();
        }
    }
}
