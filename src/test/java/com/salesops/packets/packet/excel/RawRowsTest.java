package com.salesops.packets.packet.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Rows written as raw sheet XML read back, in POI and so in any client, exactly as the same values
 * written through POI's own cell objects ({@link Cells}): same cell types, values, styles, blanks.
 */
class RawRowsTest {

    /** Text a source system can hold: markup, quotes, formula starts, spaces at the ends, line breaks, non-Latin. */
    private static final List<String> TEXT = List.of("Acme GmbH", "<b>bold</b> & \"quoted\" 'single'",
            "=HYPERLINK(\"http://x\",\"y\")", "+1 555", "-minus", "@at", " leading and trailing ", "line\nbreak\ttab",
            "carriage\r\nreturn", "שלום עולם", "emoji 😀 王", "nbsp\u00a0here", "bell\u0007gone", "", "x".repeat(40_000));

    @Test
    void rawRowsReadBackAsTheSameCellsAsPoisOwnRows() throws Exception {
        // given one sheet written through POI's cells and one through RawRows, with the same values
        XSSFWorkbook template = new XSSFWorkbook();
        Styles styles = new Styles(template);
        Cells cells = new Cells(styles);
        StreamingWorkbook book = new StreamingWorkbook(template, 10, 100);
        SXSSFSheet viaPoi = book.createSheet("poi");
        SXSSFSheet viaRaw = book.createSheet("raw");
        cells.styled(viaRaw.createRow(0), 0, "header row through POI", styles.section);
        RawRows raw = new RawRows(book.rowWriter(viaRaw), styles);

        // when
        for (int i = 0; i < TEXT.size(); i++) {
            int r = i + 1;
            Row row = viaPoi.createRow(r);
            raw.begin(r);
            cells.text(row, 0, TEXT.get(i));
            raw.text(0, TEXT.get(i));
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(i * 37L);
            cells.date(row, 1, day);
            raw.date(1, day);
            BigDecimal money = new BigDecimal("1234.565").multiply(BigDecimal.valueOf(i - 7));
            cells.number2(row, 2, money, styles.money);
            raw.number2(2, money, styles.money);
            BigDecimal pct = new BigDecimal("33.335").add(BigDecimal.valueOf(i));
            cells.percent(row, 3, pct);
            raw.percent(3, pct);
            BigDecimal rate = new BigDecimal("1.08123456789");
            cells.exact(row, 4, rate, styles.fxRate);
            raw.exact(4, rate, styles.fxRate);
            // an absent value leaves the cell out in both
            cells.text(row, 5, (String) null);
            raw.text(5, null);
            cells.number2(row, 6, (BigDecimal) null, styles.money);
            raw.number2(6, null, styles.money);
            // a cell after the gap lands in its own column
            cells.text(row, 7, "after a gap " + i);
            raw.text(7, "after a gap " + i);
            // text a column repeats: made once per value, then copied (the same value on every row in col 9)
            cells.text(row, 8, TEXT.get(i));
            raw.repeatedText(8, TEXT.get(i));
            cells.text(row, 9, TEXT.get(i % 3));
            raw.repeatedText(9, TEXT.get(i % 3));
            cells.number2(row, 10, new BigDecimal("12345678901234.5"), styles.money);
            raw.number2(10, new BigDecimal("12345678901234.5"), styles.money);
            raw.end();
        }
        byte[] written = written(book);

        // then
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(written))) {
            XSSFSheet poi = read.getSheet("poi");
            XSSFSheet rawSheet = read.getSheet("raw");
            assertThat(rawSheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("header row through POI");
            assertThat(rawSheet.getLastRowNum()).isEqualTo(TEXT.size());
            for (int r = 1; r <= TEXT.size(); r++) {
                Row expected = poi.getRow(r);
                Row actual = rawSheet.getRow(r);
                assertThat(actual.getPhysicalNumberOfCells()).as("row %d cells", r).isEqualTo(9)
                        .isEqualTo(expected.getPhysicalNumberOfCells());
                for (int c = 0; c < 12; c++) {
                    Cell e = expected.getCell(c);
                    Cell a = actual.getCell(c);
                    if (e == null) {
                        assertThat(a).as("row %d col %d blank", r, c).isNull();
                        continue;
                    }
                    assertThat(a.getCellType()).as("row %d col %d type", r, c).isEqualTo(e.getCellType());
                    assertThat(a.getCellStyle().getIndex()).as("row %d col %d style", r, c)
                            .isEqualTo(e.getCellStyle().getIndex());
                    if (e.getCellType() == CellType.STRING) {
                        assertThat(a.getStringCellValue()).as("row %d col %d text", r, c).isEqualTo(e.getStringCellValue());
                    } else {
                        assertThat(a.getNumericCellValue()).as("row %d col %d number", r, c)
                                .isEqualTo(e.getNumericCellValue());
                    }
                }
            }
            // spot checks worked out by hand: 2026-01-01 is day 46023; (1234.565 × -7) rounds to -8641.96;
            // formula-looking text keeps the literal (quote-prefixed) style
            assertThat(rawSheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(46023.0);
            assertThat(rawSheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(-8641.96);
            assertThat(rawSheet.getRow(3).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(rawSheet.getRow(7).getCell(0).getStringCellValue()).isEqualTo(" leading and trailing ");
            assertThat(rawSheet.getRow(13).getCell(0).getStringCellValue()).isEqualTo("bellgone");
            assertThat(rawSheet.getRow(15).getCell(0).getStringCellValue()).hasSize(Cells.MAX_TEXT);
            assertThat(rawSheet.getRow(4).getCell(7).getStringCellValue()).isEqualTo("after a gap 3");
            assertThat(rawSheet.getRow(4).getCell(5)).isNull();
            assertThat(rawSheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("<b>bold</b> & \"quoted\" 'single'");
            assertThat(rawSheet.getRow(4).getCell(9).getStringCellValue()).isEqualTo("Acme GmbH");
            assertThat(rawSheet.getRow(4).getCell(10).getNumericCellValue()).isEqualTo(12345678901234.5);
        }
    }

    @Test
    void aColumnWithMoreDistinctValuesThanKeptStillGetsEveryValueRight() throws Exception {
        // given: more distinct values than a column keeps, each written twice, non-ASCII and markup included
        XSSFWorkbook template = new XSSFWorkbook();
        Styles styles = new Styles(template);
        StreamingWorkbook book = new StreamingWorkbook(template, 10, 100_000);
        SXSSFSheet sheet = book.createSheet("raw");
        RawRows raw = new RawRows(book.rowWriter(sheet), styles);
        int distinct = RawRows.MAX_REPEATED + 500;

        // when
        for (int r = 0; r < 2 * distinct; r++) {
            raw.begin(r);
            raw.repeatedText(0, "Zoë & <" + (r % distinct) + ">");
            raw.repeatedText(1, r % 2 == 0 ? "=formula-like" : "plain");
            raw.end();
        }
        byte[] written = written(book);

        // then
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(written))) {
            XSSFSheet s = read.getSheet("raw");
            for (int r = 0; r < 2 * distinct; r++) {
                assertThat(s.getRow(r).getCell(0).getStringCellValue()).isEqualTo("Zoë & <" + (r % distinct) + ">");
                Cell second = s.getRow(r).getCell(1);
                assertThat(second.getStringCellValue()).isEqualTo(r % 2 == 0 ? "=formula-like" : "plain");
                assertThat(second.getCellStyle().getQuotePrefixed()).isEqualTo(r % 2 == 0);
            }
        }
    }

    @Test
    void aDecimalsNumberTextNamesTheSameDoubleAsPoisWithoutTrailingZeros() {
        // given: random decimals of every scale a packet writes, small and large, and the 15-digit edge
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + random.nextInt(18);
            long unscaled = (long) (random.nextDouble() * Math.pow(10, digits)) * (random.nextBoolean() ? 1 : -1);
            BigDecimal value = BigDecimal.valueOf(unscaled, random.nextInt(9));

            // when
            String text = RawRows.decimal(value);

            // then: a reader parses it to the double POI's Double.toString names
            assertThat(Double.parseDouble(text)).as("%s -> %s", value, text).isEqualTo(value.doubleValue());
            if (value.precision() <= 15) {
                assertThat(new BigDecimal(text)).as("%s -> %s", value, text).isEqualByComparingTo(value);
                assertThat(text).as("%s", value).doesNotEndWith(".").matches(t -> !t.contains(".") || !t.endsWith("0"));
            } else {
                assertThat(text).isEqualTo(Double.toString(value.doubleValue()));
            }
        }
        // worked by hand
        assertThat(RawRows.decimal(new BigDecimal("1234.50"))).isEqualTo("1234.5");
        assertThat(RawRows.decimal(new BigDecimal("1200.00"))).isEqualTo("1200");
        assertThat(RawRows.decimal(new BigDecimal("-0.50"))).isEqualTo("-0.5");
        assertThat(RawRows.decimal(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(RawRows.decimal(new BigDecimal("1.10000000"))).isEqualTo("1.1");
        assertThat(RawRows.decimal(new BigDecimal("1200"))).isEqualTo("1200");
    }

    @Test
    void textTakenAsPlainAsciiIsTextThatCleaningAndEscapingLeaveAsIs() {
        // given: random short strings over ASCII, controls and markup included, and a few non-ASCII
        java.util.Random random = new java.util.Random(13);
        String alphabet = "abcXYZ019 -+=@&<>\"'\t\n\r\u0007é\u00a0";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();

            // when
            boolean plain = RawRows.plainAscii(s);

            // then: taken as plain only when nothing would change it; and every printable, unspecial one is
            boolean unchanged = !s.isEmpty() && Cells.clean(s).equals(s) && s.chars().noneMatch(c -> "&<>\"".indexOf(c) >= 0)
                    && s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) && !Character.isWhitespace(s.charAt(0))
                    && !Character.isWhitespace(s.charAt(s.length() - 1));
            assertThat(plain).as("'%s'", s).isEqualTo(unchanged);
        }
    }

    /** The workbook's file, as a client would receive it. */
    private static byte[] written(StreamingWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        book.close();
        return out.toByteArray();
    }
}
