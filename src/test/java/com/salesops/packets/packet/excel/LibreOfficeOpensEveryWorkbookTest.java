package com.salesops.packets.packet.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.AttainmentPacketsApplication;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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

    private static void convert(List<Path> workbooks, Path out, Path profile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir", out.toString()));
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
