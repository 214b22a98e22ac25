package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.PaceStatus;
import com.salesops.packets.packet.Packet;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/** One row per rep and window: every column of attainment.csv, plus the team name and comp tier. */
final class RepsSheet {

    static final String NAME = "Reps";

    static final String[] HEADERS = {"run_key", "window", "period_start", "period_end", "level", "node_id",
        "node_name", "team_id", "quota", "credited", "attainment_pct", "expected_pct", "pace_index",
        "pace_status", "projected_pct", "gap_to_quota", "deal_count", "rank_in_team", "rank_in_company",
        "comp_estimate", "team_name", "current_tier", "credit_to_next_tier"};

    static final int PACE_STATUS_COL = 13;

    private RepsSheet() {
    }

    /** attainment.csv order: window, then node id. */
    static List<NodeResult> ordered(Packet packet) {
        return packet.repRows().stream()
                .sorted(Comparator.comparing(NodeResult::window).thenComparing(NodeResult::nodeId))
                .toList();
    }

    static void write(Sheet sheet, Packet packet, Styles styles, Cells cells) {
        cells.headers(sheet.createRow(0), HEADERS);
        int r = 1;
        for (NodeResult rep : ordered(packet)) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, packet.runKey());
            cells.text(row, 1, rep.window().name());
            cells.date(row, 2, rep.period().start());
            cells.date(row, 3, rep.period().end());
            cells.text(row, 4, rep.level().name());
            cells.text(row, 5, rep.nodeId());
            cells.text(row, 6, rep.nodeName());
            cells.text(row, 7, rep.teamId());
            cells.number2(row, 8, rep.quota(), styles.money);
            cells.number2(row, 9, rep.credited(), styles.money);
            cells.number2(row, 10, rep.attainmentPct(), styles.percent);
            cells.number2(row, 11, rep.expectedPct(), styles.percent);
            cells.number2(row, 12, rep.paceIndex(), styles.ratio);
            cells.text(row, 13, rep.paceStatus().map(Enum::name));
            cells.number2(row, 14, rep.projectedPct(), styles.percent);
            cells.number2(row, 15, rep.gapToQuota(), styles.money);
            cells.integer(row, 16, rep.dealCount());
            cells.integer(row, 17, rep.rankInTeam());
            cells.integer(row, 18, rep.rankInCompany());
            cells.number2(row, 19, rep.compEstimate(), styles.money);
            cells.text(row, 20, rep.teamId().map(packet.teamNames()::get));
            if (rep.currentTier().isPresent()) {
                cells.text(row, 21, tierLabel(rep.currentTier().getAsInt()));
            }
            cells.number2(row, 22, rep.creditToNextTier(), styles.money);
        }
        int lastRow = r - 1;
        paceColours(sheet, lastRow);
        SheetSetup.widths(sheet, 20, 9, 12, 12, 6, 14, 26, 14, 14, 14, 12, 12, 10, 11, 12, 14, 10, 8, 8,
                14, 26, 10, 14);
        SheetSetup.header(sheet, 0);
        SheetSetup.autoFilter(sheet, 0, lastRow, HEADERS.length - 1);
        SheetSetup.print(sheet);
    }

    /** Tiers are numbered from 1 for people; the plan's tier index is 0-based. */
    static String tierLabel(int index) {
        return "Tier " + (index + 1);
    }

    private static void paceColours(Sheet sheet, int lastRow) {
        if (lastRow < 1) {
            return;
        }
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] range = {new CellRangeAddress(1, lastRow, PACE_STATUS_COL, PACE_STATUS_COL)};
        formatting.addConditionalFormatting(range, rule(formatting, PaceStatus.ON_PACE, IndexedColors.LIGHT_GREEN));
        formatting.addConditionalFormatting(range, rule(formatting, PaceStatus.AT_RISK, IndexedColors.LIGHT_ORANGE));
        formatting.addConditionalFormatting(range, rule(formatting, PaceStatus.BEHIND, IndexedColors.CORAL));
    }

    private static ConditionalFormattingRule rule(SheetConditionalFormatting formatting, PaceStatus status,
                                                  IndexedColors colour) {
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(
                ComparisonOperator.EQUAL, "\"" + status.name() + "\"");
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(colour.getIndex());
        fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
        return rule;
    }
}
