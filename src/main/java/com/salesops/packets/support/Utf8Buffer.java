package com.salesops.packets.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A write buffer that encodes UTF-8 itself, without {@link java.io.BufferedWriter}'s lock and without the
 * JDK encoder: SXSSF writes a cell as a dozen tiny strings (the locked buffer was once the largest
 * single cost of a packet), and the JDK's encoder leaves its ASCII fast path for the rest of a
 * buffer at the first non-ASCII character (a "Łódź" or "Zoë" in every Deals row made encoding the
 * largest cost of a team packet's workbook; docs/performance.md); the extract step writes `LOAD DATA`'s text through it too. One writer is used by one
 * thread. Unpaired surrogates are written as '?', as the JDK's encoder does.
 */
public final class Utf8Buffer extends Writer {

    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int count;
    /** A high surrogate whose low half is in the next write. */
    private char pendingHigh;

    public Utf8Buffer(OutputStream out) {
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
    public void writeUtf8(byte[] bytes) throws IOException {
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
