package com.salesops.packets.packet.excel;

import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.CreditedBooking;
import com.salesops.packets.packet.DealLine;
import com.salesops.packets.packet.Packet;
import java.io.IOException;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Every credit line behind the numbers, streamed row by row (the sheet may hold 200,000 lines).
 * Row 1 says how many lines there are (and, when cut, that the list is the largest lines only);
 * the header is row 2.
 */
final class DealsSheet {

    static final String NAME = "Deals";

    static final int HEADER_ROW = 1;

    static String[] headers(String currency) {
        return new String[] {"Booking", "Line date", "Booking date", "Account", "Type", "Channel", "Partner",
            "Original amount", "Currency", "FX rate to " + currency, "Employee id", "Employee", "Role", "Split",
            "Credited (" + currency + ")", "Reversal", "Team id", "Team"};
    }

    private DealsSheet() {
    }

    static void write(StreamingWorkbook book, SXSSFSheet sheet, Packet packet, Styles styles, Cells cells)
            throws IOException {
        if (packet.dealsTruncated()) {
            cells.styled(sheet.createRow(0), 0, SummarySheet.truncationNote(packet), styles.note);
        } else {
            cells.styled(sheet.createRow(0), 0, packet.totalDealLines() + " credit lines", styles.section);
        }
        String[] headers = headers(packet.baseCurrency());
        cells.headers(sheet.createRow(HEADER_ROW), headers);
        // Layout first: SXSSF flushes rows as it goes, the sheet settings stay in memory.
        SheetSetup.widths(sheet, 16, 11, 11, 30, 11, 9, 24, 14, 8, 12, 14, 26, 9, 9, 14, 8, 14, 26);
        SheetSetup.header(sheet, HEADER_ROW);
        SheetSetup.print(sheet);

        // The lines go straight to the sheet's XML (RawRows): no row or cell objects per value.
        RawRows rows = new RawRows(book.rowWriter(sheet), styles);
        int[] next = {HEADER_ROW + 1};
        packet.deals().forEach(deal -> line(rows, next[0]++, deal, styles));
        SheetSetup.autoFilter(sheet, HEADER_ROW, next[0] - 1, headers.length - 1);
    }

    private static void line(RawRows row, int index, DealLine deal, Styles styles) {
        CreditLine line = deal.line();
        CreditedBooking booking = deal.booking();
        row.begin(index);
        row.text(0, line.bookingId());
        row.date(1, line.lineDate());
        row.date(2, line.bookingDate());
        if (booking != null) {
            row.repeatedText(3, booking.accountName());
            row.repeatedText(4, booking.bookingType());
            row.repeatedText(5, booking.channel());
            row.repeatedText(6, booking.partnerName());
            row.number2(7, booking.amount(), styles.money);
            row.repeatedText(8, booking.currency());
            row.exact(9, booking.fxRate(), styles.fxRate);
        }
        row.repeatedText(10, line.employeeId());
        row.repeatedText(11, deal.employeeName());
        row.repeatedText(12, line.role().name());
        row.percent(13, line.splitPercent());
        row.number2(14, line.amountBase(), styles.money);
        row.repeatedText(15, line.reversal() ? "yes" : "no");
        row.repeatedText(16, line.teamId());
        row.repeatedText(17, deal.teamName());
        row.end();
    }
}
