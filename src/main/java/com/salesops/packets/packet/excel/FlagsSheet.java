package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.packet.Packet;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The behaviour flags of the subtree (docs/numbers.md §7), each naming the employee, period, deals and amount. */
final class FlagsSheet {

    static final String NAME = "Flags";

    static String[] headers(String currency) {
        return new String[] {"Flag", "Employee id", "Employee", "Team id", "Team", "Period start", "Period end",
            "Bookings", "Amount (" + currency + ")", "Recent"};
    }

    private FlagsSheet() {
    }

    static void write(Sheet sheet, Packet packet, Styles styles, Cells cells) {
        Map<String, String> names = new HashMap<>();
        for (NodeResult rep : packet.repRows()) {
            names.putIfAbsent(rep.nodeId(), rep.nodeName());
        }
        String[] headers = headers(packet.baseCurrency());
        cells.headers(sheet.createRow(0), headers);
        int r = 1;
        for (Flag flag : packet.flags()) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, flag.flag().name());
            cells.text(row, 1, flag.employeeId());
            cells.text(row, 2, names.get(flag.employeeId()));
            cells.text(row, 3, flag.teamId());
            cells.text(row, 4, flag.teamId() == null ? null : packet.teamNames().get(flag.teamId()));
            cells.date(row, 5, flag.period().start());
            cells.date(row, 6, flag.period().end());
            cells.text(row, 7, String.join(";", flag.bookingIds()));
            cells.number2(row, 8, flag.amount(), styles.money);
            cells.text(row, 9, packet.recent(flag) ? "latest closed period" : "earlier");
        }
        SheetSetup.widths(sheet, 26, 12, 26, 14, 26, 12, 12, 40, 14, 20);
        SheetSetup.header(sheet, 0);
        SheetSetup.autoFilter(sheet, 0, r - 1, headers.length - 1);
        SheetSetup.print(sheet);
    }
}
