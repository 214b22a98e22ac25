package com.salesops.packets.packet;

import java.nio.file.Path;

/** A packet whose two files are on disk. */
public record RenderedPacket(String runKey, String teamId, String managerId, Path xlsx, Path pdf,
                             long xlsxBytes, long pdfBytes, long renderMillis) {
}
