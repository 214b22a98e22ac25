package com.salesops.packets.packet.excel;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.changes.ChangeFigures;
import com.salesops.packets.changes.ChangeKind;
import com.salesops.packets.changes.ChangeSentences;
import com.salesops.packets.changes.ChangedLine;
import com.salesops.packets.changes.NodeChange;
import com.salesops.packets.changes.PacketChanges;
import com.salesops.packets.packet.Packet;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * What changed in the subtree since the previous run (docs/numbers.md §10): the rep rows of changes.csv,
 * then every changed deal line (new, cancelled, restated with its amount before and after), numbers
 * as numbers. Without a previous run, one sentence saying so.
 */
final class ChangesSheet {

    static final String NAME = "Changes";

    static final String[] REP_HEADERS = {"run_key", "previous_run_key", "level", "node_id", "team_id", "new_credit",
        "restated_credit", "new_deals", "cancelled_deals", "restated_deals", "month_attainment_change",
        "quarter_attainment_change", "year_attainment_change", "rep_name"};
    static final String[] LINE_HEADERS = {"change", "booking_id", "account", "employee_id", "employee_name", "role",
        "team_id", "previous_team_id", "line_date", "amount_before", "amount_after", "difference",
        "in_period_closed_at_previous_run"};
    /** Deal lines listed at most (Excel holds 1,048,576 rows a sheet). */
    static final int MAX_LINES = 1_000_000;

    private ChangesSheet() {
    }

    static void write(Sheet sheet, Packet packet, Styles styles, Cells cells) {
        PacketChanges changes = packet.changes();
        SheetSetup.widths(sheet, 22, 22, 14, 14, 16, 16, 16, 10, 12, 14, 14, 14, 14, 26);
        SheetSetup.print(sheet);
        if (!changes.compared()) {
            cells.styled(sheet.createRow(0), 0, ChangeSentences.noPrevious(packet.plan().type()), styles.section);
            return;
        }
        String previous = changes.previousRunKey().orElseThrow();
        cells.styled(sheet.createRow(0), 0, "Since " + previous + " (as of "
                + changes.previousAsOf().map(Object::toString).orElse("?") + ")", styles.section);
        int r = 2;
        cells.headers(sheet.createRow(r++), REP_HEADERS);
        Map<String, String> names = new HashMap<>();
        packet.repRows().stream().filter(x -> x.window() == Window.YEAR)
                .forEach(x -> names.put(x.nodeId(), x.nodeName()));
        for (NodeChange c : changes.reps()) {
            Row row = sheet.createRow(r++);
            ChangeFigures f = c.figures();
            cells.text(row, 0, packet.runKey());
            cells.text(row, 1, previous);
            cells.text(row, 2, c.level().name());
            cells.text(row, 3, c.nodeId());
            cells.text(row, 4, c.teamId());
            cells.number2(row, 5, f.newCredit(), styles.money);
            cells.number2(row, 6, f.restatedCredit(), styles.money);
            cells.integer(row, 7, f.newDeals());
            cells.integer(row, 8, f.cancelledDeals());
            cells.integer(row, 9, f.restatedDeals());
            cells.number2(row, 10, c.attainmentChange(Window.MONTH), styles.ratio);
            cells.number2(row, 11, c.attainmentChange(Window.QUARTER), styles.ratio);
            cells.number2(row, 12, c.attainmentChange(Window.YEAR), styles.ratio);
            cells.text(row, 13, names.get(c.nodeId()));
        }
        r++;
        long total = 0;
        for (ChangeKind kind : ChangeKind.values()) {
            total += changes.lines().count(kind);
        }
        cells.styled(sheet.createRow(r++), 0, total > MAX_LINES
                ? "Changed deal lines: the " + MAX_LINES + " first of " + total + " (new, cancelled, restated; largest first)"
                : "Changed deal lines: " + total + " (new, cancelled, restated; largest first)", styles.section);
        cells.headers(sheet.createRow(r++), LINE_HEADERS);
        CellStyle closed = highlight(sheet);
        int first = r;
        int[] next = {r};
        for (ChangeKind kind : ChangeKind.values()) {
            changes.lines().forEach(kind, line -> {
                if (next[0] - first < MAX_LINES) {
                    line(sheet.createRow(next[0]++), line, names, styles, cells, closed);
                }
            });
        }
    }

    private static void line(Row row, ChangedLine l, Map<String, String> names, Styles styles, Cells cells,
                             CellStyle closed) {
        cells.text(row, 0, l.kind().name());
        cells.text(row, 1, l.deal().bookingId());
        cells.text(row, 2, l.deal().accountName());
        cells.text(row, 3, l.deal().employeeId());
        cells.text(row, 4, names.get(l.deal().employeeId()));
        cells.text(row, 5, l.deal().role().name());
        cells.text(row, 6, l.deal().teamId());
        cells.text(row, 7, l.deal().previousTeamId());
        cells.date(row, 8, l.lineDate());
        cells.number2(row, 9, l.before(), styles.money);
        cells.number2(row, 10, l.after(), styles.money);
        cells.number2(row, 11, l.delta(), styles.money);
        if (l.inClosedPeriod()) {
            cells.styled(row, 12, "yes", closed);
        } else if (l.kind() == ChangeKind.RESTATED) {
            cells.text(row, 12, "no");
        }
    }

    private static CellStyle highlight(Sheet sheet) {
        CellStyle style = sheet.getWorkbook().createCellStyle();
        style.setFillForegroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
