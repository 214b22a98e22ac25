package com.salesops.packets.packet.excel;

import com.salesops.packets.packet.Packet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one manager's packet as an {@code .xlsx} workbook (DESIGN §5): Summary, Reps, Deals, Flags,
 * Chart and Changes. Reps, Deals and Flags are streamed; Summary and Chart are plain XSSF sheets, so the
 * chart can live on one of them. The file appears whole or not at all: it is written beside the target and moved.
 */
public final class ExcelPacketWriter {

    /** Rows SXSSF keeps in memory before flushing the Deals sheet to its temp file. */
    private static final int ROW_WINDOW = 200;

    public ExcelPacketWriter() {
    }

    public void write(Packet packet, Path target) throws IOException {
        Objects.requireNonNull(packet, "packet");
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its owner-only permissions would stick to the packet after the move.
        Path temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                render(packet, out);
            }
            move(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void render(Packet packet, OutputStream out) throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        SXSSFWorkbook streaming = null;
        try {
            properties(book, packet);
            Styles styles = new Styles(book);
            Cells cells = new Cells(styles);
            SummarySheet.write(book.createSheet(SummarySheet.NAME), packet, styles, cells);
            ChartSheet.write(book.createSheet(ChartSheet.NAME), packet, styles, cells);

            // The sheets above stay as they are (the chart needs a plain sheet); the sheets created
            // through the wrapper stream: a VP's Reps and Flags hold thousands of rows, Deals up to
            // packets.excel.max-deal-rows. Inline strings (no shared-strings table) keep memory flat.
            streaming = new StreamingWorkbook(book, ROW_WINDOW, packet.dealRowsShown());
            RepsSheet.write(streaming.createSheet(RepsSheet.NAME), packet, styles, cells);
            DealsSheet.write(streaming.createSheet(DealsSheet.NAME), packet, styles, cells);
            FlagsSheet.write(streaming.createSheet(FlagsSheet.NAME), packet, styles, cells);
            ChangesSheet.write(streaming.createSheet(ChangesSheet.NAME), packet, styles, cells);
            streaming.setSheetOrder(RepsSheet.NAME, 1);
            streaming.setSheetOrder(DealsSheet.NAME, 2);
            streaming.setSheetOrder(FlagsSheet.NAME, 3);
            streaming.setSheetOrder(ChartSheet.NAME, 4);
            streaming.setSheetOrder(ChangesSheet.NAME, 5);
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
