package com.salesops.packets.packet.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.Packet;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.attainment.FlagType;
import com.salesops.packets.attainment.Flag;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfPacketWriterTest {

    /** Rendered samples stay here for a human to look at. */
    private static final Path SAMPLES = Paths.get("target", "pdf-samples");

    private static PdfPacketWriter writer;
    private static List<String> westPages;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderTeamWest() throws IOException {
        writer = new PdfPacketWriter();
        Files.createDirectories(SAMPLES);
        Path pdf = SAMPLES.resolve("team-west.pdf");
        writer.write(PdfSamplePackets.firstLineTeam(), pdf);
        westPages = pages(pdf);
        writePng(pdf, 0, SAMPLES.resolve("team-west-page1.png"));
    }

    @Test
    void pageOneShowsTeamAttainmentCreditedAndQuotaOfEveryWindowAsFormattedFromTheInputs() {
        // given
        String page1 = westPages.get(0);

        // then
        for (Window w : Window.values()) {
            BigDecimal quota = PdfSamplePackets.WEST_QUOTA.get(w);
            BigDecimal credited = PdfSamplePackets.WEST_CREDITED.get(w);
            String attainment = PdfSamplePackets.attainment(credited, quota).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString() + " %";
            assertThat(page1).contains(w.name(), attainment, grouped(credited), grouped(quota));
        }
        assertThat(page1).contains("84.30 %", "252,898.80", "300,000.00", "3,012,345.67", "3,600,000.00");
    }

    @Test
    void pageOneCarriesTitleManagerConfidentialityMarkAndFlagCount() {
        // given
        String page1 = westPages.get(0);

        // then
        assertThat(page1).contains("Performance packet — Team West", "Manager: Maria Ortega",
                "Confidential — prepared for Maria Ortega", "Flags: 2", "Best 3 — QUARTER attainment 2026-10-01 – 2026-12-31");
    }

    @Test
    void baseCurrencyIsNamedOnPageOneAndInTheTablesMoneyHeaders() {
        // given
        String all = String.join("\n", westPages).replaceAll("\\s+", " ");

        // then
        assertThat(westPages.get(0).replaceAll("\\s+", " ")).contains("amounts in USD", "Credited (USD)",
                "Quota (USD)", "Gap to quota (USD)");
        assertThat(all).contains("Comp est. (USD)", "Amount (USD)");
    }

    @Test
    void chartLabelsGetAFontThatDrawsEveryCharacterOfEveryNameInThePacket() {
        // given: DejaVu Sans, the chart font, has no CJK glyphs
        Font dejaVu = ChartFonts.DEJAVU.deriveFont(Font.PLAIN, 7f);
        Packet packet = PdfSamplePackets.directorWith200Reps();

        // when / then: every bar label is drawn in a font that has all of its characters
        int fallbacks = 0;
        for (var rep : packet.repRows()) {
            String label = ChartFonts.label(rep.nodeName() + " (" + rep.nodeId() + ")");
            Font font = ChartFonts.forLabel(label, dejaVu);
            assertThat(font.canDisplayUpTo(label)).as(label).isEqualTo(-1);
            if (!font.equals(dejaVu)) {
                assertThat(font.getFamily(java.util.Locale.ROOT)).isEqualTo(ChartFonts.FALLBACK_FAMILY);
                fallbacks++;
            }
        }
        // 王伟 needs the fallback (three windows, one row each), its id in fullwidth forms
        assertThat(fallbacks).isEqualTo(3);
        assertThat(ChartFonts.label("王伟 (R007)")).isEqualTo("王伟 （Ｒ００７）");
        assertThat(ChartFonts.label("Zoë Adams (E002)")).isEqualTo("Zoë Adams (E002)");
    }

    @Test
    void pdfGetsTheSameFileModeAsTheWorkbook() throws IOException {
        // given
        Path folder = dir.resolve("modes");
        Path pdf = folder.resolve("west.pdf");
        Path xlsx = folder.resolve("west.xlsx");

        // when
        writer.write(PdfSamplePackets.firstLineTeam(), pdf);
        new com.salesops.packets.packet.excel.ExcelPacketWriter().write(PdfSamplePackets.firstLineTeam(), xlsx);

        // then: both as any new file (the umask), not the owner-only mode of a JDK temp file
        assertThat(Files.getPosixFilePermissions(pdf)).isEqualTo(Files.getPosixFilePermissions(xlsx));
    }

    @Test
    void repTableListsExactlyThePacketsRepsAndNoOneElse() {
        // given
        String all = String.join("\n", westPages);

        // when
        Set<String> ids = matches(all, "\\bE\\d{3}\\b");

        // then
        assertThat(ids).containsExactly("E001", "E002", "E003");
        assertThat(all).contains("Łukasz Kowalski", "Zoë Adams", "Jürgen Müller")
                .doesNotContain(PdfSamplePackets.OUTSIDER);
    }

    @Test
    void nonLatinNamesAreEmbeddedAndExtractedUnchanged() {
        // given
        String page1 = westPages.get(0);

        // then
        assertThat(page1).contains("Łukasz Kowalski", "Zoë Adams", "Jürgen Müller");
    }

    @Test
    void everyPageHasTheFooterWithRunKeyCutOffAndPageXOfY() {
        // given
        int n = westPages.size();

        // then
        for (int i = 0; i < n; i++) {
            String page = westPages.get(i).replaceAll("\\s+", " ");
            assertThat(page).contains("Page " + (i + 1) + " of " + n, "nightly-2026-11-26",
                    "data cut-off 2026-11-26", "generated 2026-11-27 02:15 UTC", "Team West");
        }
    }

    @Test
    void flagsAreListedWithTheirDeals() {
        // given
        String all = String.join("\n", westPages).replaceAll("\\s+", " ");

        // then: the latest closed month's flags are marked NEW
        assertThat(all).contains("NEW · Period-end pull-in", "NEW · Cancelled after credit", "Acme Sp. z o.o.",
                "Żabka Logistics", "Café Crème SARL", "cancelled 2026-11-10", "14,000.00", "8,250.50");
    }

    @Test
    void directorPacketWith200RepsRendersEveryRepAndChildTeamOnFewPagesEvenWithACjkName() throws IOException {
        // given
        Packet packet = PdfSamplePackets.directorWith200Reps();
        Path pdf = SAMPLES.resolve("region-emea.pdf");

        // when
        writer.write(packet, pdf);

        // then
        List<String> pages = pages(pdf);
        String all = String.join("\n", pages);
        // the rep table and the comp section each list the 200 reps per window (600 lines, ~17 pages each)
        assertThat(pages.size()).isBetween(5, 55);
        assertThat(matches(all, "\\bR\\d{3}\\b")).hasSize(200);
        assertThat(all).contains("Teams reporting to this team", "EMEA Team 1", "EMEA Team 8",
                "Łukasz Zieliński", "王伟", "Confidential — prepared for Zoë Director")
                .doesNotContain(PdfSamplePackets.OUTSIDER);
        assertThat(pages.get(pages.size() - 1).replaceAll("\\s+", " "))
                .contains("Page " + pages.size() + " of " + pages.size());
        writePng(pdf, 0, SAMPLES.resolve("region-emea-page1.png"));
        writePng(pdf, 1, SAMPLES.resolve("region-emea-page2.png"));
    }

    @Test
    void packetWithMoreRepsThanListedShowsTheBestAndLowest25PerWindowAndEveryChildTeam() throws IOException {
        // given: 200 reps, rep n at about (20 + 37n mod 121) % attainment, R013 without quota; list at most 100
        Packet packet = PdfSamplePackets.directorWith200Reps();
        Path pdf = SAMPLES.resolve("region-emea-summarised.pdf");
        List<Integer> top = new ArrayList<>();
        List<Integer> middle = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            int value = (n * 37) % 121;
            if (value == 120 && n != 13) {
                top.add(n);
            } else if (value == 60 && n != 13) {
                middle.add(n);
            }
        }
        assertThat(top).isNotEmpty();
        assertThat(middle).isNotEmpty();

        // when
        new PdfPacketWriter(100).write(packet, pdf);
        writer.write(packet, SAMPLES.resolve("region-emea-every-rep.pdf"));

        // then
        String all = String.join("\n", pages(pdf));
        assertThat(matches(all, "\\bR\\d{3}\\b")).hasSize(50);
        assertThat(all.replaceAll("\\s+", " ")).contains("best 25 of 199", "lowest 25 of 199",
                "best and lowest 25 of 199 ranked reps; all 200 in the workbook",
                "Teams reporting to this team", "EMEA Team 1", "EMEA Team 8", "200 reps in this packet");
        top.forEach(n -> assertThat(all).contains(String.format("R%03d", n)));
        middle.forEach(n -> assertThat(all).doesNotContain(String.format("R%03d", n)));
        assertThat(pages(pdf).size()).isLessThan(pages(SAMPLES.resolve("region-emea-every-rep.pdf")).size());
    }

    @Test
    void packetWithMoreThan100FlagsListsThe100LargestAndSaysWhereTheRestAre() throws IOException {
        // given: the sample team with 150 flags of amounts 1,001.00 .. 1,150.00 (booking ids F-001 .. F-150)
        Packet base = PdfSamplePackets.firstLineTeam();
        List<Flag> flags = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            flags.add(new Flag(FlagType.CANCELLED_AFTER_CREDIT, "E002", "team-west",
                    new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                    List.of(String.format("F-%03d", i)), new BigDecimal(1000 + i).setScale(2)));
        }
        Packet packet = new Packet(base.plan(), base.generatedAt(), base.team(), base.manager(), base.teamRows(),
                base.repRows(), base.teamNames(), base.directChildTeamIds(), base.distribution(), flags,
                base.dailyCredit(), base.deals(), base.totalDealLines(), base.dealRowsShown(),
                base.baseCurrency(), base.guests(), base.overlayTeams(), base.trend());
        Path pdf = SAMPLES.resolve("team-west-150-flags.pdf");

        // when
        writer.write(packet, pdf);

        // then: the 100 largest are F-051 .. F-150
        String all = String.join("\n", pages(pdf)).replaceAll("\\s+", " ");
        assertThat(all).contains("Flags (150 — the 100 largest listed; all in the workbook and flags.csv)");
        assertThat(matches(all, "F-\\d{3}")).hasSize(100).contains("F-051", "F-150").doesNotContain("F-050", "F-001");
    }

    @Test
    void writesReuseTheTemplatesCompiledByTheConstructor() throws IOException {
        // given
        int compiledBefore = Templates.compilations();

        // when
        writer.write(PdfSamplePackets.firstLineTeam(), dir.resolve("a.pdf"));
        writer.write(PdfSamplePackets.firstLineTeam(), dir.resolve("b.pdf"));

        // then
        assertThat(Templates.compilations()).isEqualTo(compiledBefore);
    }

    @Test
    void aNewWriterLoadsTheTemplatesTheBuildCompiledAndCompilesNone() {
        // given: the build compiled every template beside its source
        int compiledBefore = Templates.compilations();

        // when
        new PdfPacketWriter();

        // then
        assertThat(Templates.NAMES).allSatisfy(name ->
                assertThat(Templates.class.getResource("/reports/" + name + ".jasper")).as(name + ".jasper").isNotNull());
        assertThat(Templates.compilations()).isEqualTo(compiledBefore);
    }

    @Test
    void theCompiledTemplatesAreTheSourcesCompiledNow() throws Exception {
        // given: each template as the build compiled it, and compiled from its source in this JVM
        for (String name : Templates.NAMES) {
            JasperReport built;
            try (var in = Templates.class.getResourceAsStream("/reports/" + name + ".jasper")) {
                built = (JasperReport) JRLoader.loadObject(in);
            }

            // when
            JasperReport compiled = Templates.compile(name);

            // then: the same report (a stale .jasper would differ in its elements or expressions); the
            // uuids a template leaves out are drawn at random by every compilation
            assertThat(withoutUuids(JasperCompileManager.writeReportToXml(built))).as(name)
                    .isEqualTo(withoutUuids(JasperCompileManager.writeReportToXml(compiled)));
        }
    }

    private static String withoutUuids(String xml) {
        return xml.replaceAll(" uuid=\"[0-9a-f-]{36}\"", "");
    }

    @Test
    void concurrentWritesShareOneWriter() throws Exception {
        // given
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> pageCounts = new ArrayList<>();

        // when
        for (int i = 0; i < 4; i++) {
            Path target = dir.resolve("west-" + i + ".pdf");
            pageCounts.add(pool.submit(() -> {
                writer.write(PdfSamplePackets.firstLineTeam(), target);
                return pages(target).size();
            }));
        }
        pool.shutdown();

        // then
        for (Future<Integer> count : pageCounts) {
            assertThat(count.get()).isEqualTo(westPages.size());
        }
    }

    @Test
    void writeReplacesTheTargetWholeAndLeavesNoTemporaryFile() throws IOException {
        // given
        Path target = dir.resolve("packets").resolve("team-west-nightly-2026-11-26.pdf");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "an older packet");

        // when
        writer.write(PdfSamplePackets.firstLineTeam(), target);

        // then
        assertThat(Files.readAllBytes(target)).startsWith("%PDF".getBytes());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .containsExactly("team-west-nightly-2026-11-26.pdf");
        }
    }

    private static String grouped(BigDecimal money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(money.setScale(2, RoundingMode.HALF_UP));
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static List<String> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static void writePng(Path pdf, int pageIndex, Path png) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(pageIndex, 80);
            ImageIO.write(image, "png", png.toFile());
        }
    }
}
