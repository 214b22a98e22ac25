package com.salesops.packets.packet;

import java.nio.file.Path;

/**
 * A packet whose two files are on disk.
 *
 * @param renderMillis assembling the packet and writing both files
 * @param xlsxMillis   writing the workbook alone
 * @param pdfMillis    filling and exporting the PDF alone
 */
public record RenderedPacket(String runKey, String teamId, String managerId, Path xlsx, Path pdf,
                             long xlsxBytes, long pdfBytes, long renderMillis, long xlsxMillis, long pdfMillis) {
}
