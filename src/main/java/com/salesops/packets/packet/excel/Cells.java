package com.salesops.packets.packet.excel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes one cell of a given kind. Empty values leave the cell out (blank). Text only ever goes
 * through {@code setCellValue(String)}, so source text is a string cell and never a formula.
 */
final class Cells {

    /** Excel's limit for the text of one cell. */
    static final int MAX_TEXT = 32_767;

    private final Styles styles;

    Cells(Styles styles) {
        this.styles = styles;
    }

    void text(Row row, int col, String value) {
        if (value == null) {
            return;
        }
        String clean = clean(value);
        Cell cell = row.createCell(col);
        cell.setCellValue(clean);
        cell.setCellStyle(looksLikeFormula(clean) ? styles.literalText : styles.text);
    }

    void text(Row row, int col, Optional<String> value) {
        value.ifPresent(v -> text(row, col, v));
    }

    void styled(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(clean(value));
        cell.setCellStyle(style);
    }

    /** A money, percentage or ratio value, rounded HALF_UP to 2 decimals as in attainment.csv. */
    void number2(Row row, int col, BigDecimal value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        cell.setCellValue(round2(value).doubleValue());
        cell.setCellStyle(style);
    }

    void number2(Row row, int col, Optional<BigDecimal> value, CellStyle style) {
        value.ifPresent(v -> number2(row, col, v, style));
    }

    /**
     * A percentage as spreadsheets keep it: the fraction ({@code 25.60 %} is {@code 0.256}) with a
     * {@code 0.00%} format, rounded first to the 2 decimals of attainment.csv so the cell shows the
     * CSV's figure and {@code =C2*quota} gives the credit.
     */
    void percent(Row row, int col, BigDecimal pct) {
        if (pct == null) {
            return;
        }
        Cell cell = row.createCell(col);
        cell.setCellValue(round2(pct).movePointLeft(2).doubleValue());
        cell.setCellStyle(styles.percent);
    }

    void percent(Row row, int col, Optional<BigDecimal> pct) {
        pct.ifPresent(v -> percent(row, col, v));
    }

    /** A number written as is (no rounding), e.g. an FX rate. */
    void exact(Row row, int col, BigDecimal value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    void integer(Row row, int col, long value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(styles.integer);
    }

    void integer(Row row, int col, OptionalInt value) {
        value.ifPresent(v -> integer(row, col, v));
    }

    void date(Row row, int col, LocalDate value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(styles.date);
    }

    /** A month, as its first day formatted {@code yyyy-mm}. */
    void month(Row row, int col, LocalDate firstDay) {
        Cell cell = row.createCell(col);
        cell.setCellValue(firstDay);
        cell.setCellStyle(styles.month);
    }

    void dateTime(Row row, int col, LocalDateTime value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(styles.dateTime);
    }

    void headers(Row row, String... names) {
        for (int i = 0; i < names.length; i++) {
            styled(row, i, names[i], styles.header);
        }
    }

    static BigDecimal round2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Drops what XML 1.0 cannot hold (control characters other than tab, CR and LF; unpaired
     * surrogates; U+FFFE/U+FFFF), so a dirty source value never breaks the file, and cuts the text
     * at Excel's cell limit without splitting a surrogate pair.
     */
    static String clean(String value) {
        StringBuilder out = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean keep;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                keep = true;
                width = 2;
            } else {
                keep = c == '\t' || c == '\n' || c == '\r'
                        || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!keep && out == null) {
                out = new StringBuilder(length).append(value, 0, i);
            }
            if (keep && out != null) {
                out.append(value, i, i + width);
            }
            i += width - 1;
        }
        String result = out == null ? value : out.toString();
        if (result.length() > MAX_TEXT) {
            int cut = Character.isHighSurrogate(result.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
            result = result.substring(0, cut);
        }
        return result;
    }

    static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
