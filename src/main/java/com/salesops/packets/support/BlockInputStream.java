package com.salesops.packets.support;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream made a block at a time as it is read: each read hands out what is left of the
 * current block, and only when that is used up asks {@link #nextBlock} for the next. What the
 * extract step's {@code LOAD DATA} text and the packet emails' base64 attachments are read through,
 * so the bytes are made while the reader (the JDBC driver, the mail writer) sends the ones before.
 */
public abstract class BlockInputStream extends InputStream {

    private static final byte[] NO_BYTES = {};

    private byte[] block = NO_BYTES;
    private int position;
    private int length;

    /** Makes the next block and hands it over with {@link #serve}; false when there is no more. */
    protected abstract boolean nextBlock() throws IOException;

    /** The block to read next: the first {@code length} bytes of {@code bytes}, read before any other call to {@link #nextBlock}. */
    protected final void serve(byte[] bytes, int length) {
        this.block = bytes;
        this.length = length;
        this.position = 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == length) {
            if (!nextBlock()) {
                return -1;
            }
        }
        int n = Math.min(len, length - position);
        System.arraycopy(block, position, b, off, n);
        position += n;
        return n;
    }
}
