package com.salesops.packets.packet.excel;

import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.CreditedBooking;
import com.salesops.packets.packet.DealLine;
import com.salesops.packets.packet.Packet;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

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

    static void write(Sheet sheet, Packet packet, Styles styles, Cells cells) {
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

        int[] next = {HEADER_ROW + 1};
        packet.deals().forEach(deal -> line(sheet.createRow(next[0]++), deal, styles, cells));
        SheetSetup.autoFilter(sheet, HEADER_ROW, next[0] - 1, headers.length - 1);
    }

    private static void line(Row row, DealLine deal, Styles styles, Cells cells) {
        CreditLine line = deal.line();
        CreditedBooking booking = deal.booking();
        cells.text(row, 0, line.bookingId());
        cells.date(row, 1, line.lineDate());
        cells.date(row, 2, line.bookingDate());
        if (booking != null) {
            cells.text(row, 3, booking.accountName());
            cells.text(row, 4, booking.bookingType());
            cells.text(row, 5, booking.channel());
            cells.text(row, 6, booking.partnerName());
            cells.number2(row, 7, booking.amount(), styles.money);
            cells.text(row, 8, booking.currency());
            cells.exact(row, 9, booking.fxRate(), styles.fxRate);
        }
        cells.text(row, 10, line.employeeId());
        cells.text(row, 11, deal.employeeName());
        cells.text(row, 12, line.role().name());
        cells.percent(row, 13, line.splitPercent());
        cells.number2(row, 14, line.amountBase(), styles.money);
        cells.text(row, 15, line.reversal() ? "yes" : "no");
        cells.text(row, 16, line.teamId());
        cells.text(row, 17, deal.teamName());
    }
}
