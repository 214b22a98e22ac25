package com.salesops.packets.packet.excel;

import com.salesops.packets.packet.Packet;
import com.salesops.packets.support.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one manager's packet as an {@code .xlsx} workbook (docs/architecture.md, "Outputs"): Summary,
 * Changes, Trend, Reps, Deals, Flags and Chart. Changes, Trend, Reps, Deals and Flags are streamed; the others
 * are plain XSSF sheets, so the chart can live on one of them. The file appears whole or not at all
 * ({@link AtomicFiles}).
 */
public final class ExcelPacketWriter {

    /** Rows SXSSF keeps in memory before flushing the Deals sheet to its temp file. */
    private static final int ROW_WINDOW = 200;

    private static final String THEME = "/excel/theme1.xml";

    public ExcelPacketWriter() {
    }

    public void write(Packet packet, Path target) throws IOException {
        Objects.requireNonNull(packet, "packet");
        AtomicFiles.write(target, (AtomicFiles.Body) out -> render(packet, out));
    }

    private static void render(Packet packet, OutputStream out) throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        StreamingWorkbook streaming = null;
        try {
            properties(book, packet);
            theme(book);
            Styles styles = new Styles(book);
            Cells cells = new Cells(styles);
            // Sheets in the order a manager reads them (a new sheet is one more entry). Summary and Chart
            // are plain XSSF sheets (a chart needs one); the rest stream through the wrapper below: a VP's
            // Trend, Reps and Flags hold thousands of rows, Deals up to packets.excel.max-deal-rows.
            List<String> order = List.of(SummarySheet.NAME, ChangesSheet.NAME, TrendSheet.NAME, RepsSheet.NAME,
                    DealsSheet.NAME, FlagsSheet.NAME, ChartSheet.NAME);
            SummarySheet.write(book.createSheet(SummarySheet.NAME), packet, styles, cells);
            ChartSheet.write(book.createSheet(ChartSheet.NAME), packet, styles, cells);

            // Inline strings (no shared-strings table) keep memory flat.
            streaming = new StreamingWorkbook(book, ROW_WINDOW, packet.dealRowsShown());
            TrendSheet.write(streaming.createSheet(TrendSheet.NAME), packet, styles, cells);
            RepsSheet.write(streaming.createSheet(RepsSheet.NAME), packet, styles, cells);
            DealsSheet.write(streaming, streaming.createSheet(DealsSheet.NAME), packet, styles, cells);
            FlagsSheet.write(streaming.createSheet(FlagsSheet.NAME), packet, styles, cells);
            ChangesSheet.write(streaming.createSheet(ChangesSheet.NAME), packet, styles, cells);
            for (int i = 0; i < order.size(); i++) {
                streaming.setSheetOrder(order.get(i), i);
            }
            streaming.setActiveSheet(0);
            streaming.write(out);
        } finally {
            if (streaming != null) {
                try {
                    dispose(streaming);
                } finally {
                    streaming.close();
                }
            } else {
                book.close();
            }
        }
    }

    /**
     * A theme part (the standard Office colours and fonts): clients resolve "automatic" colours
     * through it, and a workbook without one is drawn differently from client to client.
     */
    private static void theme(XSSFWorkbook book) throws IOException {
        book.getStylesSource().ensureThemesTable();
        try (InputStream in = ExcelPacketWriter.class.getResourceAsStream(THEME)) {
            if (in == null) {
                throw new IllegalStateException(THEME + " is not on the classpath");
            }
            book.getTheme().readFrom(in);
        }
    }

    /**
     * Deletes the streamed sheets' temp files. close() would too, but it closes their writers first and
     * then logs a stack trace for every sheet whose rows were still buffered when rendering failed.
     */
    @SuppressWarnings("deprecation")
    private static void dispose(SXSSFWorkbook streaming) {
        streaming.dispose();
    }

    private static void properties(XSSFWorkbook book, Packet packet) {
        POIXMLProperties.CoreProperties core = book.getProperties().getCoreProperties();
        core.setCreator("Attainment Packets");
        core.setTitle(Cells.clean("Performance packet " + Optional.ofNullable(packet.team().name()).orElse(packet.team().id())
                + " " + packet.runKey()));
        core.setSubjectProperty("Sales quota attainment as of " + packet.asOf());
        // Fixed to the packet's own time so the same packet gives the same properties.
        core.setCreated(Optional.of(Date.from(packet.generatedAt())));
        core.setModified(Optional.of(Date.from(packet.generatedAt())));
        book.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("Attainment Packets");
    }
}
