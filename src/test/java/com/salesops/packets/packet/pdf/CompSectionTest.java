package com.salesops.packets.packet.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.packet.CompSamples;
import com.salesops.packets.packet.Packet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** The PDF's "Comp estimate" section: the plan stated once, each rep's tier, estimate, next tier and why. */
class CompSectionTest {

    private static final Path SAMPLES = Paths.get("target", "pdf-samples");

    @Test
    void compSectionStatesThePlanAndExplainsEachRepsEstimate() throws IOException {
        // given: the sample team with the four reps of CompSamples (rows from the real calculator)
        Packet base = PdfSamplePackets.firstLineTeam();
        Packet packet = new Packet(base.plan(), base.generatedAt(), base.team(), base.manager(), base.teamRows(),
                CompSamples.repRows(), base.teamNames(), base.directChildTeamIds(), base.distribution(), base.flags(),
                base.dailyCredit(), base.deals(), base.totalDealLines(), base.dealRowsShown(), base.baseCurrency(),
                base.guests(), base.overlayTeams(), base.trend());
        Files.createDirectories(SAMPLES);
        Path pdf = SAMPLES.resolve("team-west-comp.pdf");

        // when
        new PdfPacketWriter().write(packet, pdf);

        // then: one page starts the section; the plan is stated once in the whole packet
        List<String> pages = PdfPacketWriterTest.pages(pdf);
        int at = indexOf(pages, "Comp estimate — the plan, where each rep stands");
        writePng(pdf, at, SAMPLES.resolve("team-west-comp.png"));
        String section = pages.get(at).replaceAll("\\s+", " ");
        String all = String.join("\n", pages).replaceAll("\\s+", " ");
        String terms = "Comp plan \u201cdefault\u201d: annual target 60,000.00 USD; tier 1 0–50 % rate 0, tier 2 50–100 %"
                + " rate 1.0, tier 3 100–150 % rate 1.5, tier 4 from 150 % rate 2.0; capped at 250 % of target.";
        assertThat(section).contains(terms);
        assertThat(all.indexOf(terms)).isEqualTo(all.lastIndexOf(terms));
        // E1, MONTH: 123.46 %, tier 3; T 5,000.00; 5,000 × 85.18505 % = 4,259.25; 15,000 − 12,345.67 = 2,654.33
        assertThat(section).contains("Mia Middle (E1)", "Tier 3 · 100–150 % · rate 1.5", "123.46 %", "12,345.67",
                "4,259.25", "2,654.33 (to 150 %)", "85.19 % × 5,000.00: 50.00 × 1.0 + 23.46 × 1.5");
        // E2, MONTH: 24,258.91 of 60,000.00 = 40.43 %: 0.00, and why; 30,000 − 24,258.91 = 5,741.09 to tier 2
        assertThat(section).contains("Zed Zero (E2)", "Tier 1 · 0–50 % · rate 0", "40.43 %", "24,258.91",
                "5,741.09 (to 50 %)", "Not above 50 %, where the plan starts to pay: 0.00.");
        // QUARTER: E1's 15,000 × 85.18505 % = 12,777.76 (the window target 15,000.00)
        assertThat(all).contains("12,777.76", "15,000.00");
    }

    private static int indexOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).replaceAll("\\s+", " ").contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no page has " + text);
    }

    private static void writePng(Path pdf, int pageIndex, Path png) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(pageIndex, 80);
            ImageIO.write(image, "png", png.toFile());
        }
    }
}
