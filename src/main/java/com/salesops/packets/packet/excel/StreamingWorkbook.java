package com.salesops.packets.packet.excel;

import java.io.BufferedWriter;
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

    /**
     * A write buffer that encodes UTF-8 itself, without {@link BufferedWriter}'s lock and without the
     * JDK encoder: SXSSF writes a cell as a dozen tiny strings (the locked buffer was once the largest
     * single cost of a packet), and the JDK's encoder leaves its ASCII fast path for the rest of a
     * buffer at the first non-ASCII character (a "Łódź" or "Zoë" in every Deals row made encoding the
     * largest cost of a team packet's workbook; docs/performance.md). One sheet is written by one
     * thread. Unpaired surrogates are written as '?', as the JDK's encoder does.
     */
    static final class Utf8Buffer extends Writer {

        private final OutputStream out;
        private final byte[] buf = new byte[BUFFER];
        private int count;
        /** A high surrogate whose low half is in the next write. */
        private char pendingHigh;

        Utf8Buffer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            encode((char) c);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            int end = off + len;
            for (int i = off; i < end; i++) {
                encode(s.charAt(i));
            }
        }

        @Override
        public void write(String s) throws IOException {
            write(s, 0, s.length());
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            int end = off + len;
            for (int i = off; i < end; i++) {
                encode(c[i]);
            }
        }

        /** Bytes already encoded as UTF-8 (whole characters), copied as they are. */
        void writeUtf8(byte[] bytes) throws IOException {
            if (pendingHigh != 0) {
                // a high surrogate without its low half: what encode(char) writes for it
                pendingHigh = 0;
                put('?');
            }
            if (bytes.length > buf.length - count) {
                drain();
                if (bytes.length > buf.length) {
                    out.write(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buf, count, bytes.length);
            count += bytes.length;
        }

        /** One character: ASCII straight into the buffer (nearly all of a sheet), the rest through {@link #put}. */
        private void encode(char c) throws IOException {
            if (c < 0x80 && pendingHigh == 0) {
                if (count == buf.length) {
                    drain();
                }
                buf[count++] = (byte) c;
            } else {
                put(c);
            }
        }

        private void put(char c) throws IOException {
            if (buf.length - count < 4) {
                drain();
            }
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    buf[count++] = (byte) (0xf0 | (cp >> 18));
                    buf[count++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    buf[count++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    buf[count++] = (byte) (0x80 | (cp & 0x3f));
                    return;
                }
                buf[count++] = '?';
                put(c);
                return;
            }
            if (c < 0x80) {
                buf[count++] = (byte) c;
            } else if (c < 0x800) {
                buf[count++] = (byte) (0xc0 | (c >> 6));
                buf[count++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                buf[count++] = '?';
            } else {
                buf[count++] = (byte) (0xe0 | (c >> 12));
                buf[count++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[count++] = (byte) (0x80 | (c & 0x3f));
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                if (pendingHigh != 0) {
                    pendingHigh = 0;
                    put('?');
                }
                drain();
            } finally {
                out.close();
            }
        }

        private void drain() throws IOException {
            if (count > 0) {
                out.write(buf, 0, count);
                count = 0;
            }
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
