package com.salesops.packets.packet.excel;

import com.salesops.packets.packet.Packet;
import java.nio.file.Path;

/** Placeholder replaced by the excel branch. */
public final class ExcelPacketWriter {
    public void write(Packet packet, Path target) throws java.io.IOException {
        throw new UnsupportedOperationException("merged from the excel branch");
    }
}
