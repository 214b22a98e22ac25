package com.salesops.packets.packet.pdf;

import com.salesops.packets.packet.Packet;
import java.nio.file.Path;

/** Placeholder replaced by the pdf branch. */
public final class PdfPacketWriter {
    public void write(Packet packet, Path target) throws java.io.IOException {
        throw new UnsupportedOperationException("merged from the pdf branch");
    }
}
