package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.Distribution;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.Packet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** The first sheet a manager reads: is the team on track, per window, and how are the reps spread. */
final class SummarySheet {

    static final String NAME = "Summary";

    /** Headers in words (they wrap at spaces when printed); money headers name the base currency. */
    static String[] kpiHeaders(String currency) {
        return new String[] {"Window", "Period start", "Period end", "Team id", "Team",
            "Quota (" + currency + ")", "Sum of rep quotas (" + currency + ")", "Over-assignment",
            "Credited (" + currency + ")", "Attainment", "Expected", "Pace index", "Pace status", "Projected",
            "Gap to quota (" + currency + ")", "Deals"};
    }

    static final String[] DISTRIBUTION_HEADERS = {"Window", "Ranked reps", "At or above 100 %", "75 to 100 %",
        "50 to 75 %", "Below 50 %", "No quota", "Share at or above quota"};

    private SummarySheet() {
    }

    static void write(Sheet sheet, Packet packet, Styles styles, Cells cells) {
        String manager = packet.manager() == null ? null : packet.manager().fullName();
        StringBuilder title = new StringBuilder(nullToEmpty(packet.team().name()));
        if (manager != null) {
            title.append(" · ").append(manager);
        }
        title.append(" · Performance packet");
        cells.styled(sheet.createRow(0), 0, title.toString(), styles.title);

        int r = 1;
        Row row = sheet.createRow(r++);
        cells.styled(row, 0, "Run key", styles.label);
        cells.text(row, 1, packet.runKey());
        row = sheet.createRow(r++);
        cells.styled(row, 0, "Currency", styles.label);
        cells.text(row, 1, "Every amount is in " + packet.baseCurrency() + " (the base currency)");
        row = sheet.createRow(r++);
        cells.styled(row, 0, "As of", styles.label);
        cells.date(row, 1, packet.asOf());
        row = sheet.createRow(r++);
        cells.styled(row, 0, "Generated (UTC)", styles.label);
        cells.dateTime(row, 1, LocalDateTime.ofInstant(packet.generatedAt(), ZoneOffset.UTC));
        row = sheet.createRow(r++);
        cells.styled(row, 0, "Flags", styles.label);
        cells.integer(row, 1, packet.flags().size());
        row = sheet.createRow(r++);
        cells.styled(row, 0, "Deal lines", styles.label);
        cells.integer(row, 1, packet.totalDealLines());
        if (packet.dealsTruncated()) {
            cells.styled(sheet.createRow(r++), 0, truncationNote(packet), styles.note);
        }

        r++;
        cells.styled(sheet.createRow(r++), 0, "Team attainment by window", styles.section);
        int kpiHeader = r;
        cells.headers(sheet.createRow(r++), kpiHeaders(packet.baseCurrency()));
        for (Window window : Window.values()) {
            for (NodeResult team : kpiTeams(packet, window)) {
                kpiRow(sheet.createRow(r++), team, packet, cells, styles);
            }
        }

        r++;
        cells.styled(sheet.createRow(r++), 0, "Distribution of ranked reps", styles.section);
        cells.headers(sheet.createRow(r++), DISTRIBUTION_HEADERS);
        for (Window window : Window.values()) {
            Distribution d = packet.distribution().get(window);
            if (d == null) {
                continue;
            }
            row = sheet.createRow(r++);
            cells.text(row, 0, window.name());
            cells.integer(row, 1, d.ranked());
            cells.integer(row, 2, d.atOrAbove100());
            cells.integer(row, 3, d.from75To100());
            cells.integer(row, 4, d.from50To75());
            cells.integer(row, 5, d.below50());
            cells.integer(row, 6, d.noQuota());
            cells.percent(row, 7, d.pctAtOrAbove100());
        }

        r++;
        CompPlanBlock.write(sheet, r, packet, styles, cells);

        // Column B holds "Generated (UTC)" as yyyy-mm-dd hh:mm:ss: 20 characters, or Excel shows ###.
        SheetSetup.widths(sheet, 18, 20, 12, 16, 28, 15, 15, 15, 15, 12, 12, 11, 12, 12, 15, 9);
        // Frozen down to the KPI table's header, so the columns stay named while scrolling.
        sheet.createFreezePane(0, kpiHeader + 1);
        // The KPI header is the row a reader needs when the table runs onto a second page.
        sheet.setRepeatingRows(new CellRangeAddress(kpiHeader, kpiHeader, -1, -1));
        SheetSetup.print(sheet);
    }

    static String truncationNote(Packet packet) {
        return "Deals lists only the largest " + packet.dealRowsShown() + " of " + packet.totalDealLines()
                + " credit lines (the sheet limit). Every other sheet covers all lines; see the team packets"
                + " below this one and attainment.csv for the rest.";
    }

    /** The packet team, then each direct child, for one window (rows that are missing are skipped). */
    private static List<NodeResult> kpiTeams(Packet packet, Window window) {
        List<NodeResult> teams = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        ids.add(packet.team().id());
        ids.addAll(packet.directChildTeamIds());
        for (String id : ids) {
            packet.teamRows().stream()
                    .filter(t -> t.window() == window && t.nodeId().equals(id))
                    .findFirst()
                    .ifPresent(teams::add);
        }
        return teams;
    }

    private static void kpiRow(Row row, NodeResult team, Packet packet, Cells cells, Styles styles) {
        cells.text(row, 0, team.window().name());
        cells.date(row, 1, team.period().start());
        cells.date(row, 2, team.period().end());
        cells.text(row, 3, team.nodeId());
        cells.text(row, 4, Optional.ofNullable(team.nodeName()).orElse(packet.teamNames().get(team.nodeId())));
        cells.number2(row, 5, team.quota(), styles.money);
        cells.number2(row, 6, team.sumOfRepQuotas(), styles.money);
        cells.percent(row, 7, team.overAssignmentPct());
        cells.number2(row, 8, team.credited(), styles.money);
        if (team.attainmentPct().isPresent()) {
            cells.percent(row, 9, team.attainmentPct());
        } else {
            cells.text(row, 9, "n/a");
        }
        cells.percent(row, 10, team.expectedPct());
        cells.number2(row, 11, team.paceIndex(), styles.ratio);
        cells.text(row, 12, team.paceStatus().map(Enum::name));
        cells.percent(row, 13, team.projectedPct());
        cells.number2(row, 14, team.gapToQuota(), styles.money);
        cells.integer(row, 15, team.dealCount());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
