package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.PaceStatus;
import com.salesops.packets.packet.CompExplanation;
import com.salesops.packets.packet.Packet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    /**
     * The columns of attainment.csv in its order (less run_key, which is on Summary), in words, then the
     * team name, comp tier, credit to the next tier, why a rep of another team is in this packet, and the
     * rep's comp plan with how the estimate is worked out (the plan's tiers are on Summary).
     */
    static String[] headers(String currency) {
        return new String[] {"Window", "Period start", "Period end", "Level", "Employee id", "Rep", "Team id",
            "Quota (" + currency + ")", "Credited (" + currency + ")", "Attainment", "Expected", "Pace index",
            "Pace status", "Projected", "Gap to quota (" + currency + ")", "Deals", "Rank in team",
            "Rank in company", "Comp estimate (" + currency + ")", "Team", "Comp tier",
            "Credit to next tier (" + currency + ")", "In this packet because", "Comp plan",
            "Comp estimate: how, or why 0.00"};
    }

    static final int PACE_STATUS_COL = 12;

    private RepsSheet() {
    }

    /** attainment.csv order: window, then node id. */
    static List<NodeResult> ordered(Packet packet) {
        return packet.repRows().stream()
                .sorted(Comparator.comparing(NodeResult::window).thenComparing(NodeResult::nodeId))
                .toList();
    }

    static void write(Sheet sheet, Packet packet, Styles styles, Cells cells) {
        String[] headers = headers(packet.baseCurrency());
        cells.headers(sheet.createRow(0), headers);
        int r = 1;
        for (NodeResult rep : ordered(packet)) {
            Row row = sheet.createRow(r++);
            cells.text(row, 0, rep.window().name());
            cells.date(row, 1, rep.period().start());
            cells.date(row, 2, rep.period().end());
            cells.text(row, 3, rep.level().name());
            cells.text(row, 4, rep.nodeId());
            cells.text(row, 5, rep.nodeName());
            cells.text(row, 6, rep.teamId());
            cells.number2(row, 7, rep.quota(), styles.money);
            cells.number2(row, 8, rep.credited(), styles.money);
            cells.percent(row, 9, rep.attainmentPct());
            cells.percent(row, 10, rep.expectedPct());
            cells.number2(row, 11, rep.paceIndex(), styles.ratio);
            cells.text(row, 12, rep.paceStatus().map(Enum::name));
            cells.percent(row, 13, rep.projectedPct());
            cells.number2(row, 14, rep.gapToQuota(), styles.money);
            cells.integer(row, 15, rep.dealCount());
            cells.integer(row, 16, rep.rankInTeam());
            cells.integer(row, 17, rep.rankInCompany());
            cells.number2(row, 18, rep.compEstimate(), styles.money);
            cells.text(row, 19, rep.teamId().map(packet.teamNames()::get));
            if (rep.currentTier().isPresent()) {
                cells.text(row, 20, tierLabel(rep.currentTier().getAsInt()));
            }
            cells.number2(row, 21, rep.creditToNextTier(), styles.money);
            cells.text(row, 22, Optional.ofNullable(packet.guests().get(rep.nodeId())));
            CompPlan plan = packet.compPlan(rep.nodeId());
            cells.text(row, 23, plan.name());
            cells.text(row, 24, CompExplanation.why(rep, plan));
        }
        int lastRow = r - 1;
        paceColours(sheet, lastRow);
        SheetSetup.widths(sheet, 9, 12, 12, 6, 12, 26, 14, 14, 14, 11, 10, 8, 11, 11, 14, 7, 8, 9,
                14, 26, 8, 14, 40, 12, 70);
        SheetSetup.header(sheet, 0);
        SheetSetup.autoFilter(sheet, 0, lastRow, headers.length - 1);
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
