package com.salesops.packets.packet.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.packet.Packet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VP-sized Deals sheet in a small heap: the writer runs in a separate JVM with -Xmx256m, so a
 * writer that held the lines in memory would fail there rather than pass on the test JVM's heap.
 */
class LargeExcelPacketTest {

    private static final int LINES = 100_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hundredThousandDealLinesWriteInA256MegabyteHeapAndLeaveNoTempFiles() throws Exception {
        // given a child JVM with its own temp folder, writing lines generated on the fly
        Path target = dir.resolve("vp.xlsx");
        Path childTemp = Files.createDirectories(dir.resolve("child-tmp"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + childTemp,
                "-cp", classPath, LargeExcelPacketTest.class.getName(), target.toString(), String.valueOf(LINES)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();

        // when
        boolean finished = process.waitFor(55, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }

        // then
        String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        assertThat(finished).as("child finished in time; log:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("child exit code; log:%n%s", log).isZero();
        assertThat(dealsRows(target)).isEqualTo(2 + LINES);
        try (Stream<Path> left = Files.walk(childTemp)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    /** Runs in the child JVM: {@code <target> <lines>}. */
    public static void main(String[] args) throws IOException {
        int lines = Integer.parseInt(args[1]);
        Packet packet = SamplePackets.packet(SamplePackets.generatedDeals(lines), lines, lines);
        long start = System.nanoTime();
        new ExcelPacketWriter().write(packet, Path.of(args[0]));
        System.out.printf("wrote %d lines in %d ms%n", lines, (System.nanoTime() - start) / 1_000_000);
    }

    /** Counts the rows of the Deals sheet by streaming its XML: the whole sheet would not fit a DOM cheaply. */
    private static int dealsRows(Path file) throws IOException, OpenXML4JException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    if (sheets.getSheetName().equals(DealsSheet.NAME)) {
                        return countRows(in);
                    }
                }
            }
        }
        throw new AssertionError("no Deals sheet");
    }

    private static int countRows(InputStream in) throws IOException {
        byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[1 << 16];
        int matched = 0;
        int rows = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == pattern[matched]) {
                    if (++matched == pattern.length) {
                        rows++;
                        matched = 0;
                    }
                } else {
                    matched = buffer[i] == pattern[0] ? 1 : 0;
                }
            }
        }
        return rows;
    }
}
