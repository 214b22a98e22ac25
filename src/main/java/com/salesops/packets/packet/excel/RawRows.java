package com.salesops.packets.packet.excel;

import com.salesops.packets.support.Utf8Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;

/**
 * Writes a streamed sheet's rows as SpreadsheetML straight to the sheet's writer, without a row
 * and a cell object per value: the Deals sheet holds up to 200,000 rows of 18 cells, and building
 * and flushing those objects was most of a large packet's Excel time (docs/performance.md). The XML
 * is SXSSF's (cell references, inline strings, {@code Double.toString} numbers) less a number's
 * type attribute ({@code t="n"} is the default), since every byte is deflated. Cell references stay
 * although the format makes them optional: some readers place cells by them alone. Values go through the same rules as {@link Cells}: text is
 * {@link Cells#clean cleaned} and, when it would read as a formula, gets the literal-text style;
 * money and percentages are rounded HALF_UP to 2 decimals; an absent value leaves the cell out.
 * One sheet, one thread.
 */
final class RawRows {

    /** 1900-based serial of 1970-01-01 (Excel's day numbers, leap-year bug included, hold from 1900-03-01). */
    private static final long EPOCH_SERIAL = 25_569;

    /** The end of a cell reference's attribute and the style attribute, by style index (a workbook has a few dozen). */
    private static final String[] STYLE_ATTRIBUTES = new String[256];

    static {
        for (int i = 1; i < STYLE_ATTRIBUTES.length; i++) {
            STYLE_ATTRIBUTES[i] = "\" s=\"" + i + '"';
        }
    }

    /** Column letters of the first 64 columns (the widest sheet has 18). */
    private static final String[] COLUMNS = new String[64];

    static {
        for (int col = 0; col < COLUMNS.length; col++) {
            StringBuilder b = new StringBuilder();
            for (int n = col + 1; n > 0; n = (n - 1) / 26) {
                b.append((char) ('A' + (n - 1) % 26));
            }
            COLUMNS[col] = b.reverse().toString();
        }
    }

    /** Distinct values kept a column by {@link #repeatedText}: a few hundred bytes each, for one sheet. */
    static final int MAX_REPEATED = 4096;

    /** Significant digits a spreadsheet number holds exactly. */
    private static final int MAX_EXACT_DIGITS = 15;

    private final Utf8Buffer out;
    private final Styles styles;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final Map<String, byte[]>[] repeated = new Map[COLUMNS.length];
    private String rowNumber = "";
    private LocalDate lastDate;
    private String lastDateSerial;

    RawRows(Utf8Buffer out, Styles styles) {
        this.out = out;
        this.styles = styles;
    }

    /** Starts row {@code index} (0-based); the previous row must have been ended. */
    void begin(int index) {
        rowNumber = Integer.toString(index + 1);
        put("<row r=\"");
        put(rowNumber);
        put("\">\n");
    }

    /** Ends the row. */
    void end() {
        put("</row>\n");
    }

    void text(int col, String value) {
        if (value == null) {
            return;
        }
        if (plainAscii(value)) {
            // nearly every id, code and name: nothing to clean, escape or preserve
            cell(col, Cells.looksLikeFormula(value) ? styles.literalText : styles.text);
            put(" t=\"inlineStr\"><is><t>");
            put(value);
            put("</t></is></c>");
            return;
        }
        reference(col);
        put(textXml(value));
    }

    /**
     * Text a column repeats (names, ids, types, currencies): the cell's XML after its reference is
     * made once per distinct value and sheet, and then copied as UTF-8 bytes. The same cell as
     * {@link #text}. Up to {@link #MAX_REPEATED} values a column are kept; later ones are written as by {@link #text}.
     */
    void repeatedText(int col, String value) {
        if (value == null) {
            return;
        }
        Map<String, byte[]> known = repeated[col];
        if (known == null) {
            known = repeated[col] = new HashMap<>();
        }
        byte[] xml = known.get(value);
        if (xml == null) {
            if (known.size() >= MAX_REPEATED) {
                text(col, value);
                return;
            }
            xml = textXml(value).getBytes(StandardCharsets.UTF_8);
            known.put(value, xml);
        }
        reference(col);
        try {
            out.writeUtf8(xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell's XML after its reference: style, type and the cleaned, escaped text (as {@link Cells#text}). */
    private String textXml(String value) {
        String clean = Cells.clean(value);
        StringBuilder xml = new StringBuilder(clean.length() + 64);
        xml.append(styleAttribute(Cells.looksLikeFormula(clean) ? styles.literalText : styles.text));
        xml.append(hasLeadingTrailingSpaces(clean) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>");
        escape(clean, xml);
        xml.append("</t></is></c>");
        return xml.toString();
    }

    /** Money or a ratio, rounded HALF_UP to 2 decimals (as {@link Cells#number2}). */
    void number2(int col, BigDecimal value, CellStyle style) {
        if (value != null) {
            number(col, style, decimal(Cells.round2(value)));
        }
    }

    /** A percentage as its fraction, rounded first to 2 decimals (as {@link Cells#percent}). */
    void percent(int col, BigDecimal pct) {
        if (pct != null) {
            number(col, styles.percent, decimal(Cells.round2(pct).movePointLeft(2)));
        }
    }

    /**
     * A decimal as a cell's number text. With at most 15 significant digits (what a spreadsheet
     * holds exactly) it is the decimal itself, trailing zeros dropped: the reader's nearest double
     * to it is the double {@code Double.toString(value.doubleValue())} names, which is what POI
     * writes, without the binary-to-decimal conversion. Beyond that, POI's text.
     */
    static String decimal(BigDecimal value) {
        if (value.precision() > MAX_EXACT_DIGITS || value.scale() < 0) {
            return Double.toString(value.doubleValue());
        }
        String plain = value.toPlainString();
        if (value.scale() == 0) {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        if (plain.charAt(end - 1) == '.') {
            end--;
        }
        return end == plain.length() ? plain : plain.substring(0, end);
    }

    /** A number as is (as {@link Cells#exact}). */
    void exact(int col, BigDecimal value, CellStyle style) {
        if (value != null) {
            number(col, style, decimal(value));
        }
    }

    /** A date as Excel's day number with the date style (as {@link Cells#date}). */
    void date(int col, LocalDate value) {
        if (value == null) {
            return;
        }
        if (!value.equals(lastDate)) {
            lastDate = value;
            // a whole day number: the same double as POI's Double.toString text ("46023.0")
            lastDateSerial = Long.toString(serial(value));
        }
        number(col, styles.date, lastDateSerial);
    }

    /** Excel's 1900-system day number of a date on or after 1900-03-01. */
    static long serial(LocalDate date) {
        return date.toEpochDay() + EPOCH_SERIAL;
    }

    private void number(int col, CellStyle style, String value) {
        cell(col, style);
        put("><v>");
        put(value);
        put("</v></c>");
    }

    /** Opens a cell element: its reference, and its style when not the default. */
    private void cell(int col, CellStyle style) {
        reference(col);
        put(styleAttribute(style));
    }

    /** {@code <c r="A12} (the attribute's closing quote comes with the style). */
    private void reference(int col) {
        put("<c r=\"");
        put(COLUMNS[col]);
        put(rowNumber);
    }

    /** The reference attribute's closing quote and the style attribute, when the style is not the default. */
    private static String styleAttribute(CellStyle style) {
        int s = style.getIndex() & 0xffff;
        return s == 0 ? "\"" : s < STYLE_ATTRIBUTES.length ? STYLE_ATTRIBUTES[s] : "\" s=\"" + s + '"';
    }

    /** Text escaped for XML. */
    private static void escape(String s, StringBuilder xml) {
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            String entity = switch (s.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\n' -> "&#xa;";
                case '\r' -> "&#xd;";
                case '\t' -> "&#x9;";
                case '\u00a0' -> "&#xa0;";
                default -> null;
            };
            if (entity != null) {
                xml.append(s, from, i).append(entity);
                from = i + 1;
            }
        }
        xml.append(s, from, n);
    }

    private void put(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Printable ASCII without XML's special characters, within the cell limit, not starting or ending
     * with a space: what {@link Cells#clean} keeps as is and what needs no escaping.
     */
    static boolean plainAscii(String s) {
        int n = s.length();
        if (n == 0 || n > Cells.MAX_TEXT || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '&' || c == '<' || c == '>' || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLeadingTrailingSpaces(String s) {
        return !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
    }
}
