package com.salesops.packets.packet.excel;

import com.salesops.packets.support.Utf8Buffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The SXSSF workbook the packets are written with, tuned for many packets a night (issue
 * "Fast at the size of a large sales org"; the profile is in BENCHMARKS.md):
 * <ul>
 * <li>the archive is deflated at {@link Deflater#BEST_SPEED}: three to four times faster than the
 * default level for a file about a fifth larger;</li>
 * <li>a streamed sheet known to be small (a team packet's few thousand lines) is buffered in memory
 * instead of a temp file, which saves creating, reading back and deleting a file per packet;</li>
 * <li>a large streamed sheet still goes to an uncompressed temp file, so memory stays flat.</li>
 * </ul>
 */
final class StreamingWorkbook extends SXSSFWorkbook {

    /** Rows at or below this go through memory (about 400 bytes of XML per row: 8 MB). */
    static final long IN_MEMORY_ROWS = 20_000;

    private static final int BUFFER = 64 * 1024;

    private final boolean inMemory;
    private final Map<SXSSFSheet, RowSink> sinks = new IdentityHashMap<>();
    private RowSink created;

    StreamingWorkbook(XSSFWorkbook book, int rowWindow, long expectedRows) {
        super(book, rowWindow, false, false);
        this.inMemory = expectedRows <= IN_MEMORY_ROWS;
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        SheetDataWriter writer = inMemory ? new InMemorySheetData() : new BufferedSheetData();
        created = (RowSink) writer;
        return writer;
    }

    @Override
    public SXSSFSheet createSheet(String name) {
        SXSSFSheet sheet = super.createSheet(name);
        sinks.put(sheet, created);
        return sheet;
    }

    /**
     * The writer of a sheet's {@code <sheetData>} rows, after the rows made so far have been flushed
     * to it: what {@link RawRows} appends to. No row may be created on the sheet afterwards.
     */
    Utf8Buffer rowWriter(SXSSFSheet sheet) throws IOException {
        sheet.flushRows();
        return sinks.get(sheet).rows();
    }

    /** A sheet data writer whose row XML can be appended to directly. */
    private interface RowSink {
        Utf8Buffer rows();
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    /** A temp-file sheet with a larger write buffer than POI's 8 KB. */
    private static final class BufferedSheetData extends SheetDataWriter implements RowSink {

        BufferedSheetData() throws IOException {
            super();
        }

        @Override
        public Utf8Buffer rows() {
            // both sinks write through a Utf8Buffer (createWriter / the constructor below)
            return (Utf8Buffer) _out;
        }

        /** Deprecated in POI 5 without a replacement hook for the writer; it is still what SXSSF calls. */
        @Override
        @SuppressWarnings("deprecation")
        public Writer createWriter(File fd) throws IOException {
            OutputStream out = decorateOutputStream(new FileOutputStream(fd));
            return new Utf8Buffer(out);
        }
    }

    /** A sheet whose XML stays in memory; read back once when the workbook is written. */
    private static final class InMemorySheetData extends SheetDataWriter implements RowSink {

        private final Bytes bytes;

        InMemorySheetData() throws IOException {
            this(new Bytes());
        }

        private InMemorySheetData(Bytes bytes) throws IOException {
            super(new Utf8Buffer(bytes));
            this.bytes = bytes;
        }

        @Override
        public Utf8Buffer rows() {
            // both sinks write through a Utf8Buffer (createWriter / the constructor below)
            return (Utf8Buffer) _out;
        }

        @Override
        public InputStream getWorksheetXMLInputStream() {
            // SXSSF closes (and so flushes) the writer before it reads the sheet back
            return bytes.asInputStream();
        }
    }

    /** A byte buffer read back without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {

        Bytes() {
            super(BUFFER);
        }

        InputStream asInputStream() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }
}
