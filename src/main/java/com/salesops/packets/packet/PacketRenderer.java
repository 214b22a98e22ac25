package com.salesops.packets.packet;

import com.salesops.packets.source.Team;
import com.salesops.packets.support.FileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one team's packet: assembles it, writes the workbook and the PDF under
 * {@code <output>/<run-key>/packets/<team>/}, and records it RENDERED with its sizes and timings
 * (a row that commits on its own, so a restart never renders it again).
 */
public final class PacketRenderer {

    /** Writes one format of a packet to a file (the Excel and the PDF writer). */
    @FunctionalInterface
    public interface PacketFile {
        void write(Packet packet, Path target) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(PacketRenderer.class);

    private final PacketStore packets;
    private final PacketFile excel;
    private final PacketFile pdf;
    private final Path outputDir;

    public PacketRenderer(PacketStore packets, PacketFile excel, PacketFile pdf, Path outputDir) {
        this.packets = packets;
        this.excel = excel;
        this.pdf = pdf;
        this.outputDir = outputDir;
    }

    public RenderedPacket render(String runKey, PacketAssembler assembler, Team team) throws IOException {
        long started = System.nanoTime();
        Packet packet = assembler.assemble(team, Instant.now());
        Path dir = outputDir.resolve(runKey).resolve("packets").resolve(FileNames.safe(team.id()));
        Files.createDirectories(dir);
        String stem = FileNames.safe(team.id()) + "-" + runKey;
        Path xlsx = dir.resolve(stem + ".xlsx");
        Path pdfFile = dir.resolve(stem + ".pdf");
        long beforeXlsx = System.nanoTime();
        excel.write(packet, xlsx);
        long beforePdf = System.nanoTime();
        pdf.write(packet, pdfFile);
        long end = System.nanoTime();
        long millis = (end - started) / 1_000_000;
        RenderedPacket rendered = new RenderedPacket(runKey, team.id(), team.managerId(), xlsx, pdfFile,
                Files.size(xlsx), Files.size(pdfFile), millis, (beforePdf - beforeXlsx) / 1_000_000,
                (end - beforePdf) / 1_000_000);
        packets.markRendered(rendered);
        log.debug("{}: packet {} rendered in {} ms (assembled {} ms, Excel {} ms, PDF {} ms; {} deal lines)", runKey, team.id(),
                millis, (beforeXlsx - started) / 1_000_000, rendered.xlsxMillis(), rendered.pdfMillis(), packet.totalDealLines());
        return rendered;
    }
}
