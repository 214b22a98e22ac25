package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.MonthFigure;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.packet.Packet;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Month by month over the fiscal year so far, for the packet's team, its direct child teams and
 * each rep: credited, quota and attainment of each calendar month (the current month runs to the
 * as-of date). One row per node and month, so a reader can filter one rep or pivot the months.
 */
final class TrendSheet {

    static final String NAME = "Trend";

    private TrendSheet() {
    }

    static String[] headers(String currency) {
        return new String[] {"Level", "Id", "Name", "Month", "Credited (" + currency + ")", "Quota (" + currency + ")",
            "Attainment"};
    }

    static void write(Sheet sheet, Packet packet, Styles styles, Cells cells) {
        Map<String, String> repNames = new HashMap<>();
        for (NodeResult r : packet.repRows()) {
            repNames.putIfAbsent(r.nodeId(), r.nodeName());
        }
        String[] headers = headers(packet.baseCurrency());
        cells.headers(sheet.createRow(0), headers);
        int r = 1;
        for (MonthFigure m : packet.trend()) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, m.level() == Level.TEAM ? "Team" : "Rep");
            cells.text(row, 1, m.nodeId());
            cells.text(row, 2, m.level() == Level.TEAM ? packet.teamNames().get(m.nodeId()) : repNames.get(m.nodeId()));
            cells.month(row, 3, m.month());
            cells.number2(row, 4, m.credited(), styles.money);
            cells.number2(row, 5, m.quota(), styles.money);
            if (m.attainmentPct().isPresent()) {
                cells.percent(row, 6, m.attainmentPct());
            } else {
                cells.text(row, 6, "n/a");
            }
        }
        SheetSetup.widths(sheet, 9, 14, 28, 10, 16, 16, 12);
        SheetSetup.header(sheet, 0);
        SheetSetup.autoFilter(sheet, 0, r - 1, headers.length - 1);
        SheetSetup.print(sheet);
    }
}
