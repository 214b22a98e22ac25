package com.salesops.packets.packet.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.AttainmentPacketsApplication;
import com.salesops.packets.testing.CsvFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workbook of a demo run, opened by a real spreadsheet client: LibreOffice Calc converts each
 * to PDF (one {@code soffice} process for all of them), and the page with the attainment chart must
 * show the bars and the 100 % line in the series' own colours. A chart whose series carry no colour
 * of their own converts fine but draws no bars in LibreOffice: this test then fails.
 *
 * <p>The run limits the Deals sheet to 300 lines ({@code packets.excel.max-deal-rows}) so that
 * LibreOffice does not lay out thousands of pages; every other sheet is as a manager gets it.
 * {@code soffice} must be installed ({@code bin/test} installs {@code libreoffice-calc}); without it
 * the test fails, it never skips.
 */
class LibreOfficeOpensEveryWorkbookTest {

    /** Pixels of a series' colour on the chart page, at 100 dpi, that count as "drawn". */
    private static final int MIN_BAR_PIXELS = 1000;
    private static final int MIN_LINE_PIXELS = 150;

    @Test
    void libreOfficeConvertsEveryDemoWorkbookAndDrawsTheChartsBarsAndQuotaLine(@TempDir Path dir) throws Exception {
        // given: a demo run's workbooks
        String h2 = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        int exit = AttainmentPacketsApplication.run("demo", "--quiet",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/app") + h2,
                "--packets.source.url=jdbc:h2:file:" + dir.resolve("db/source") + h2,
                "--packets.output.dir=" + dir.resolve("out"),
                "--packets.excel.max-deal-rows=300");
        assertThat(exit).isZero();
        String runKey = "nightly-" + LocalDate.now(ZoneOffset.UTC).minusDays(1);
        List<Path> workbooks;
        try (Stream<Path> files = Files.walk(dir.resolve("out").resolve(runKey).resolve("packets"))) {
            workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(workbooks).hasSizeGreaterThanOrEqualTo(16);

        // when: LibreOffice converts all of them at once
        Path converted = Files.createDirectories(dir.resolve("converted"));
        convert(workbooks, converted, dir.resolve("lo-profile"));

        // then: each converted, and its chart page shows bars and the 100 % line in their colours
        for (Path workbook : workbooks) {
            String stem = workbook.getFileName().toString().replace(".xlsx", "");
            Path pdf = converted.resolve(stem + ".pdf");
            assertThat(pdf).as("LibreOffice's PDF of %s", workbook.getFileName()).isNotEmptyFile();
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                int page = chartPage(doc);
                assertThat(page).as("a page of %s with the attainment chart's title", stem).isNotNegative();
                BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 100);
                assertThat(pixels(image, ChartSheet.BAR_RGB)).as("bar-coloured pixels on %s's chart page", stem)
                        .isGreaterThanOrEqualTo(MIN_BAR_PIXELS);
                assertThat(pixels(image, ChartSheet.LINE_RGB)).as("100 %% line pixels on %s's chart page", stem)
                        .isGreaterThanOrEqualTo(MIN_LINE_PIXELS);
            }
        }
    }

    @Test
    void libreOfficeReadsEveryDealsLineInItsColumnsAsPoiDoes(@TempDir Path dir) throws Exception {
        // given: a demo run's largest workbook (the root's), its Deals lines written as raw sheet XML
        String h2 = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        int exit = AttainmentPacketsApplication.run("demo", "--quiet",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/app") + h2,
                "--packets.source.url=jdbc:h2:file:" + dir.resolve("db/source") + h2,
                "--packets.output.dir=" + dir.resolve("out"));
        assertThat(exit).isZero();
        String runKey = "nightly-" + LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Path workbook;
        try (Stream<Path> files = Files.walk(dir.resolve("out").resolve(runKey).resolve("packets"))) {
            workbook = files.filter(f -> f.toString().endsWith(".xlsx"))
                    .max(Comparator.comparingLong(LibreOfficeOpensEveryWorkbookTest::size)).orElseThrow();
        }

        // when: LibreOffice saves every sheet as CSV, the values as shown
        Path converted = Files.createDirectories(dir.resolve("converted"));
        convert(List.of(workbook), converted, dir.resolve("lo-profile"),
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false,true,false,false,-1");

        // then: the Deals sheet has every line, and each line's booking, date, employee, credit and
        // team are in their columns as POI reads them from the same file
        String stem = workbook.getFileName().toString().replace(".xlsx", "");
        List<List<String>> csv = CsvFile.parse(Files.readString(converted.resolve(stem + "-" + DealsSheet.NAME + ".csv"),
                StandardCharsets.UTF_8));
        try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
            XSSFSheet deals = book.getSheet(DealsSheet.NAME);
            int lines = deals.getLastRowNum() - DealsSheet.HEADER_ROW;
            assertThat(lines).isGreaterThan(1_000);
            assertThat(csv).hasSize(deals.getLastRowNum() + 1);
            assertThat(csv.get(DealsSheet.HEADER_ROW)).containsExactly(DealsSheet.headers("USD"));
            for (int r = DealsSheet.HEADER_ROW + 1; r <= deals.getLastRowNum(); r++) {
                Row row = deals.getRow(r);
                List<String> shown = csv.get(r);
                assertThat(shown.get(0)).as("row %d booking", r).isEqualTo(row.getCell(0).getStringCellValue());
                assertThat(shown.get(1)).as("row %d line date", r)
                        .isEqualTo(row.getCell(1).getLocalDateTimeCellValue().toLocalDate().toString());
                assertThat(shown.get(10)).as("row %d employee", r).isEqualTo(row.getCell(10).getStringCellValue());
                assertThat(shown.get(14)).as("row %d credited", r)
                        .isEqualTo(String.format(Locale.US, "%,.2f", row.getCell(14).getNumericCellValue()));
                assertThat(shown.get(16)).as("row %d team", r).isEqualTo(row.getCell(16).getStringCellValue());
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void convert(List<Path> workbooks, Path out, Path profile) throws IOException, InterruptedException {
        convert(workbooks, out, profile, "pdf");
    }

    private static void convert(List<Path> workbooks, Path out, Path profile, String format)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", format, "--outdir", out.toString()));
        workbooks.forEach(w -> command.add(w.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.resolve("soffice.log").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("soffice (LibreOffice) is not installed: bin/test installs libreoffice-calc", e);
        }
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("soffice finished within 10 minutes").isTrue();
        assertThat(process.exitValue()).as("soffice exit; log:%n%s",
                Files.readString(out.resolve("soffice.log"), StandardCharsets.UTF_8)).isZero();
    }

    /** The first page whose text has a chart title of the Chart sheet, or -1. */
    private static int chartPage(PDDocument doc) throws IOException {
        PDFTextStripper text = new PDFTextStripper();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            text.setStartPage(p);
            text.setEndPage(p);
            String page = text.getText(doc);
            if (page.contains("Attainment by rep,") || page.contains(" reps, quarter ")) {
                return p - 1;
            }
        }
        return -1;
    }

    /**
     * Pixels of the colour's hue: its strongest channel clearly above the other two (a thin dashed
     * line is anti-aliased towards white, so an exact match would miss it). The page is otherwise
     * black, grey and white text and gridlines, which have no dominant channel.
     */
    private static int pixels(BufferedImage image, byte[] rgb) {
        int strongest = (rgb[0] & 0xFF) >= (rgb[2] & 0xFF) ? 0 : 2;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int[] c = {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
                int others = Math.max(c[1], c[2 - strongest]);
                if (c[strongest] - others >= 50) {
                    count++;
                }
            }
        }
        return count;
    }
}
