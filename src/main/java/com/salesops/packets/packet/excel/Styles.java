package com.salesops.packets.packet.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** The workbook's cell styles, each created once: a workbook holds at most 64,000 of them. */
final class Styles {

    final CellStyle title;
    final CellStyle section;
    final CellStyle label;
    final CellStyle header;
    final CellStyle text;
    /** Text that a spreadsheet would read as a formula when typed (=, +, -, @): kept literal on edit too. */
    final CellStyle literalText;
    final CellStyle note;
    final CellStyle money;
    final CellStyle percent;
    final CellStyle ratio;
    final CellStyle integer;
    final CellStyle fxRate;
    final CellStyle date;
    final CellStyle month;
    final CellStyle dateTime;

    Styles(Workbook book) {
        var df = book.createDataFormat();
        Font bold = book.createFont();
        bold.setBold(true);
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font noteFont = book.createFont();
        noteFont.setBold(true);
        noteFont.setColor(IndexedColors.DARK_RED.getIndex());

        title = book.createCellStyle();
        title.setFont(big);
        section = book.createCellStyle();
        section.setFont(bold);
        label = book.createCellStyle();
        label.setFont(bold);
        header = book.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        text = book.createCellStyle();
        text.setDataFormat(df.getFormat("@"));
        literalText = book.createCellStyle();
        literalText.setDataFormat(df.getFormat("@"));
        literalText.setQuotePrefixed(true);
        note = book.createCellStyle();
        note.setFont(noteFont);
        money = numeric(book, df.getFormat("#,##0.00"));
        percent = numeric(book, df.getFormat("0.00%"));
        ratio = numeric(book, df.getFormat("0.00"));
        integer = numeric(book, df.getFormat("0"));
        fxRate = numeric(book, df.getFormat("0.00000000"));
        date = numeric(book, df.getFormat("yyyy-mm-dd"));
        month = numeric(book, df.getFormat("yyyy-mm"));
        dateTime = numeric(book, df.getFormat("yyyy-mm-dd hh:mm:ss"));
    }

    private static CellStyle numeric(Workbook book, short format) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(format);
        return style;
    }
}
