package com.salesops.packets.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bytes LOAD DATA reads: {@link BulkLoad.Tsv}, read whole, against LOAD DATA's escaping written out plainly here
 * (a StringBuilder, then the JDK's UTF-8 encoder).
 */
class BulkLoadTest {

    @Test
    void writesEachKindOfValueInLoadDatasFormat() throws Exception {
        // given
        List<Object[]> rows = List.<Object[]>of(
                new Object[] {"a\tb\\c\nd\re\0f", null, true, false, LocalDate.of(2026, 3, 7), new BigDecimal("-12.50"),
                        42, -7L},
                new Object[] {"Łódź Zoë 東京 \uD83D\uDE00 half \uD800 end", LocalDate.of(999, 12, 31), new BigDecimal("1E+3")});

        // when
        String tsv = new String(tsv(rows), StandardCharsets.UTF_8);

        // then: worked by hand
        assertThat(tsv).isEqualTo("a\\tb\\\\c\\nd\\re\\0f\t\\N\t1\t0\t2026-03-07\t-12.50\t42\t-7\n"
                + "Łódź Zoë 東京 \uD83D\uDE00 half ? end\t999-12-31\t1000\n");
    }

    @Test
    void givesTheSameBytesAsEscapingIntoAStringAndEncodingItForRandomRows() throws Exception {
        // given: 20,000 random rows of every kind of value, text mixing ASCII, escapes, accents, CJK,
        // emoji and unpaired surrogates
        Random random = new Random(20261208);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Object[] {text(random), random.nextBoolean() ? null : text(random), random.nextBoolean(),
                    LocalDate.ofEpochDay(random.nextInt(40_000) - 5_000),
                    BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, random.nextInt(9)),
                    random.nextInt(), random.nextLong(), Long.MIN_VALUE});
        }

        // when
        byte[] tsv = tsv(rows);

        // then
        assertThat(tsv).isEqualTo(plainly(rows));
    }

    @Test
    void handsTheTextOverInPiecesOfWholeRowsThatTogetherAreTheSameBytesWhateverTheReadersBuffer() throws Exception {
        // given: 20,000 random rows (several MB of text)
        Random random = new Random(20261209);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Object[] {text(random), "x".repeat(random.nextInt(300)), random.nextBoolean() ? null : text(random),
                    BigDecimal.valueOf(random.nextLong(), 2)});
        }
        byte[] whole = plainly(rows);

        // when: a reader asking for the driver's 1 MB at a time
        List<Integer> pieces = new ArrayList<>();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (BulkLoad.Tsv tsv = new BulkLoad.Tsv(rows)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = tsv.read(buffer, 0, buffer.length)) >= 0; ) {
                pieces.add(n);
                read.write(buffer, 0, n);
            }
        }

        // then: the same bytes, handed over a piece (about 64 KB of whole rows) at a time, not all at once
        assertThat(read.toByteArray()).isEqualTo(whole);
        assertThat(pieces).hasSizeGreaterThan(whole.length / (2 * BulkLoad.Tsv.PIECE));
        assertThat(pieces.subList(0, pieces.size() - 1)).allSatisfy(n -> assertThat(n)
                .isBetween(BulkLoad.Tsv.PIECE, 2 * BulkLoad.Tsv.PIECE));
        int end = 0;
        for (int n : pieces) {
            end += n;
            assertThat(whole[end - 1]).as("a piece ends with a row's end").isEqualTo((byte) '\n');
        }

        // when: reads of any size, single bytes among them
        ByteArrayOutputStream odd = new ByteArrayOutputStream();
        try (BulkLoad.Tsv tsv = new BulkLoad.Tsv(rows)) {
            byte[] buffer = new byte[100_003];
            while (true) {
                int size = random.nextInt(4);
                if (size == 0) {
                    int b = tsv.read();
                    if (b < 0) {
                        break;
                    }
                    odd.write(b);
                } else {
                    int n = tsv.read(buffer, 7, random.nextInt(buffer.length - 7) + 1);
                    if (n < 0) {
                        break;
                    }
                    odd.write(buffer, 7, n);
                }
            }
        }

        // then
        assertThat(odd.toByteArray()).isEqualTo(whole);
    }

    private static String text(Random random) {
        String[] pieces = {"Acme", " ", "\t", "\\", "\n", "\r", "\0", "é", "Ł", "東京", "\uD83D\uDE00", "\uD800", "\uDC00",
                "x", "0123456789"};
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        return s.toString();
    }

    private static byte[] tsv(List<Object[]> rows) throws Exception {
        try (BulkLoad.Tsv tsv = new BulkLoad.Tsv(rows)) {
            return tsv.readAllBytes();
        }
    }

    /** LOAD DATA's default format, the plain way. */
    private static byte[] plainly(List<Object[]> rows) {
        StringBuilder out = new StringBuilder();
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                Object value = row[i];
                if (value == null) {
                    out.append("\\N");
                } else if (value instanceof Boolean b) {
                    out.append(b ? "1" : "0");
                } else if (value instanceof BigDecimal d) {
                    out.append(d.toPlainString());
                } else if (value instanceof String s) {
                    out.append(s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                            .replace("\0", "\\0"));
                } else {
                    // LocalDate.toString pads years below 1000 to four digits; LOAD DATA reads both
                    out.append(value instanceof LocalDate d ? d.getYear() + String.format("-%02d-%02d",
                            d.getMonthValue(), d.getDayOfMonth()) : value.toString());
                }
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
