package com.salesops.packets.packet.excel;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** Column widths, frozen header and print setup shared by every sheet. */
final class SheetSetup {

    private SheetSetup() {
    }

    /** Widths in characters; set explicitly because autoSizeColumn is far too slow on big sheets. */
    static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, chars[i]) * 256);
        }
    }

    /** Freezes everything above and including {@code headerRow} and prints it on every page. */
    static void header(Sheet sheet, int headerRow) {
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    }

    static void print(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
    }

    static void autoFilter(Sheet sheet, int headerRow, int lastRow, int lastCol) {
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastRow), 0, lastCol));
    }
}
