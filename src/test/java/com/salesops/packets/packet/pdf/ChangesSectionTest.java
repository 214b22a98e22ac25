package com.salesops.packets.packet.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.changes.ChangeFigures;
import com.salesops.packets.changes.ChangeKind;
import com.salesops.packets.changes.ChangedDeal;
import com.salesops.packets.changes.ChangedLine;
import com.salesops.packets.changes.ChangedLines;
import com.salesops.packets.changes.NodeChange;
import com.salesops.packets.changes.PacketChanges;
import com.salesops.packets.credit.CreditRole;
import com.salesops.packets.packet.Packet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Since &lt;previous run&gt;" section and page 1's line (docs/numbers.md §10) of the sample Team West
 * packet with changes: 30 new deal lines (25 listed), 2 cancellations, 3 restated bookings.
 * Writes the section's page to {@code target/changes-samples} (the README's picture).
 */
class ChangesSectionTest {

    private static final Path SAMPLES = Path.of("target", "changes-samples");
    private static List<String> pages;

    @BeforeAll
    static void writeTheSample() throws IOException {
        Files.createDirectories(SAMPLES);
        Packet base = PdfSamplePackets.firstLineTeam();
        Packet packet = new Packet(base.plan(), base.generatedAt(), base.team(), base.manager(), base.teamRows(),
                base.repRows(), base.teamNames(), base.directChildTeamIds(), base.distribution(), base.flags(),
                base.dailyCredit(), base.deals(), base.totalDealLines(), base.dealRowsShown(), base.baseCurrency(),
                base.guests(), base.overlayTeams(), base.trend(), changes());
        Path pdf = SAMPLES.resolve("team-west-changes.pdf");
        new PdfPacketWriter().write(packet, pdf);
        pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper text = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                text.setStartPage(i);
                text.setEndPage(i);
                pages.add(text.getText(document).replaceAll("\\s+", " "));
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(1, 80);
            ImageIO.write(image, "png", SAMPLES.resolve("changes-section.png").toFile());
        }
    }

    @Test
    void pageOneSaysTheMonthAttainmentChangeFromThePreviousToThisValue() {
        // MONTH attainment 252,898.80 / 300,000.00 = 84.30 %; change +2.35 → 84.30 − 2.35 = 81.95 before
        assertThat(pages.get(0)).contains("Since nightly-2026-11-25: MONTH attainment +2.35 pts (81.95 % → 84.30 %)");
    }

    @Test
    void theSectionFollowsPageOneWithTeamAndRepFiguresAndNamesThePreviousRun() {
        String section = pages.get(1);
        assertThat(section).startsWith("Performance packet — Team West").contains("Since nightly-2026-11-25",
                "Team West +41,300.00 30 2 −1,500.00 3 +2.35 pts +0.50 pts n/a",
                "Łukasz Kowalski (Team West) +41,300.00 30 2 −1,500.00 3 +2.35 pts +0.50 pts n/a");
    }

    @Test
    void newDealsAreCappedLargestFirstWithACountOfTheRest() {
        // N-30 (3,000.00) .. N-06 (600.00) listed; N-05 .. N-01 counted
        String all = String.join(" ", pages);
        assertThat(all).contains("N-30", "N-06", "… and 5 more new deal lines: every one on the workbook's Changes sheet.")
                .doesNotContain("N-05 ", "N-01 ");
        assertThat(all.indexOf("N-30")).isLessThan(all.indexOf("N-29"));
    }

    @Test
    void everyRestatedBookingShowsItsAmountBeforeAndAfterAndClosedMonthsAreMarked() {
        String all = String.join(" ", pages);
        assertThat(all).contains(
                "Restated · closed month R-1 Acme Sp. z o.o. Łukasz Kowalski Team West 2026-10-10 5,000.00 4,000.00 −1,000.00",
                "Restated · closed month R-2 Żabka Logistics Łukasz Kowalski Team West 2026-10-31 — 2,000.00 +2,000.00",
                "Restated R-3 Café Crème SARL Łukasz Kowalski Team West 2026-11-10 2,500.00 0.00 −2,500.00");
    }

    private static PacketChanges changes() {
        List<ChangedLine> lines = new ArrayList<>();
        // 30 new lines of 100.00 × n: 100 + 200 + … + 3,000 = 46,500.00; 2 cancellations −2,000 and −3,200
        for (int n = 1; n <= 30; n++) {
            lines.add(line(ChangeKind.NEW, String.format("N-%02d", n), "Account " + n, "2026-11-26", null,
                    BigDecimal.valueOf(100L * n).setScale(2), false));
        }
        lines.add(line(ChangeKind.CANCELLED, "C-1", "Cancelled One", "2026-11-26", null, new BigDecimal("-2000.00"), false));
        lines.add(line(ChangeKind.CANCELLED, "C-2", "Cancelled Two", "2026-11-26", null, new BigDecimal("-3200.00"), false));
        lines.add(line(ChangeKind.RESTATED, "R-1", "Acme Sp. z o.o.", "2026-10-10", new BigDecimal("5000.00"),
                new BigDecimal("4000.00"), true));
        lines.add(line(ChangeKind.RESTATED, "R-2", "Żabka Logistics", "2026-10-31", null, new BigDecimal("2000.00"), true));
        lines.add(line(ChangeKind.RESTATED, "R-3", "Café Crème SARL", "2026-11-10", new BigDecimal("2500.00"),
                new BigDecimal("0.00"), false));
        // new credit 46,500 − 2,000 − 3,200 = 41,300.00; restated −1,000 + 2,000 − 2,500 = −1,500.00
        ChangeFigures figures = new ChangeFigures(new BigDecimal("41300.00"), new BigDecimal("-1500.00"), 30, 2, 3);
        Map<Window, BigDecimal> attainment = Map.of(Window.MONTH, new BigDecimal("2.35"),
                Window.QUARTER, new BigDecimal("0.50"));
        NodeChange team = new NodeChange(Level.TEAM, "team-west", Optional.of("region-emea"), figures, attainment);
        NodeChange rep = new NodeChange(Level.REP, "E001", Optional.of("team-west"), figures, attainment);
        return new PacketChanges(Optional.of("nightly-2026-11-25"), Optional.of(LocalDate.of(2026, 11, 25)),
                List.of(team), List.of(rep), ChangedLines.of(lines));
    }

    private static ChangedLine line(ChangeKind kind, String booking, String account, String date, BigDecimal before,
                                    BigDecimal after, boolean closed) {
        return new ChangedLine(kind, new ChangedDeal(booking, account, "E001", CreditRole.PRIMARY, "team-west",
                Optional.empty()), LocalDate.parse(date), Optional.ofNullable(before), Optional.ofNullable(after), closed);
    }
}
