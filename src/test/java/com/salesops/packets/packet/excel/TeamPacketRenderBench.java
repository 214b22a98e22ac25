package com.salesops.packets.packet.excel;

import com.salesops.packets.packet.Packet;
import com.salesops.packets.packet.pdf.PdfPacketWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders one team packet (the sample team, {@code lines} generated deal lines) again and again and
 * prints the warm median of the Excel and PDF write times. Not a test: run by hand, e.g. under a
 * profiler ({@code java -cp ... TeamPacketRenderBench 3000 200}).
 */
public final class TeamPacketRenderBench {

    private TeamPacketRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Packet packet = SamplePackets.packet(SamplePackets.generatedDeals(lines), lines, lines);
        Path dir = Files.createTempDirectory("render-bench");
        ExcelPacketWriter excel = new ExcelPacketWriter();
        PdfPacketWriter pdf = new PdfPacketWriter();
        List<Long> x = new ArrayList<>();
        List<Long> p = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            excel.write(packet, dir.resolve("p.xlsx"));
            long t1 = System.nanoTime();
            pdf.write(packet, dir.resolve("p.pdf"));
            long t2 = System.nanoTime();
            if (i >= rounds / 4) {
                x.add((t1 - t0) / 1_000_000);
                p.add((t2 - t1) / 1_000_000);
            }
        }
        x.sort(Long::compare);
        p.sort(Long::compare);
        System.out.printf(Locale.US, "%d lines: Excel p50 %d ms, PDF p50 %d ms (xlsx %,d B, pdf %,d B)%n", lines,
                x.get(x.size() / 2), p.get(p.size() / 2), Files.size(dir.resolve("p.xlsx")), Files.size(dir.resolve("p.pdf")));
    }
}
