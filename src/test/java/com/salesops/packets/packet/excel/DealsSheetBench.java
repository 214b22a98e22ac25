package com.salesops.packets.packet.excel;

import com.salesops.packets.packet.DealLine;
import com.salesops.packets.packet.DealSource;
import com.salesops.packets.packet.Packet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The benchmark's Deals-sheet figures (issue 13: "a 200,000-row Deals sheet written in ≤ 1.5 s",
 * with the physical floor beside it): a packet of {@code lines} deal lines held in memory (so no
 * generation or database time is counted) written as a workbook again and again, and the floor:
 * the same Deals sheet XML, already made, only deflated into a zip file (what any writer of this
 * sheet must at least do). Not a test: {@code bench/BenchmarkRun} calls it.
 */
public final class DealsSheetBench {

    /** Milliseconds: the first write in this JVM, the median of the others, and the floor's median. */
    public record Result(int lines, long firstMs, long medianMs, long floorMs, long sheetXmlBytes, long xlsxBytes) {
    }

    private DealsSheetBench() {
    }

    public static Result measure(int lines, int rounds) throws IOException {
        List<DealLine> deals = new ArrayList<>(lines);
        SamplePackets.generatedDeals(lines).forEach(deals::add);
        DealSource source = deals::forEach;
        Packet packet = SamplePackets.packet(source, lines, lines);
        Path dir = Files.createTempDirectory("deals-sheet-bench");
        try {
            Path xlsx = dir.resolve("packet.xlsx");
            ExcelPacketWriter writer = new ExcelPacketWriter();
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                writer.write(packet, xlsx);
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
            byte[] sheet = largestEntry(xlsx);
            List<Long> floor = new ArrayList<>();
            Path zip = dir.resolve("floor.zip");
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
                    out.setLevel(Deflater.BEST_SPEED);
                    out.putNextEntry(new ZipEntry("xl/worksheets/sheet5.xml"));
                    out.write(sheet);
                    out.closeEntry();
                }
                floor.add((System.nanoTime() - t0) / 1_000_000);
            }
            List<Long> warm = new ArrayList<>(times.subList(1, times.size()));
            return new Result(lines, times.get(0), median(warm), median(floor), sheet.length, Files.size(xlsx));
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] largestEntry(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry largest = null;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (largest == null || entry.getSize() > largest.getSize()) {
                    largest = entry;
                }
            }
            try (InputStream in = zip.getInputStream(largest)) {
                return in.readAllBytes();
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
