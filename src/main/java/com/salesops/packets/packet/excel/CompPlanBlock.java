package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.CompExplanation;
import com.salesops.packets.packet.Packet;
import com.salesops.packets.support.Decimals;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The Summary sheet's comp plan block: each plan the packet's reps are on, tier by tier (lower and upper
 * bound of attainment, rate), with its annual target, cap and each window's target (docs/numbers.md §6, §12).
 * The Reps sheet names each rep's plan and tier against it.
 */
final class CompPlanBlock {

    static String[] headers(String currency) {
        return new String[] {"Comp plan", "Tier", "From attainment", "Up to attainment", "Rate",
            "Annual target (" + currency + ")", "Cap (of target)"};
    }

    private CompPlanBlock() {
    }

    /** Writes the block from row {@code r}; returns the next free row. */
    static int write(Sheet sheet, int r, Packet packet, Styles styles, Cells cells) {
        cells.styled(sheet.createRow(r++), 0, "Comp plan: how the comp estimate is worked out", styles.section);
        cells.headers(sheet.createRow(r++), headers(packet.baseCurrency()));
        List<String> targets = new ArrayList<>();
        for (CompPlan plan : packet.compPlansInUse()) {
            for (int i = 0; i < plan.tiers().size(); i++) {
                Row row = sheet.createRow(r++);
                cells.text(row, 0, plan.name());
                cells.text(row, 1, "Tier " + (i + 1));
                cells.percent(row, 2, plan.tiers().get(i).fromPct());
                cells.percent(row, 3, plan.upperBound(i));
                cells.exact(row, 4, plan.tiers().get(i).rate(), styles.ratio);
                cells.number2(row, 5, plan.annualTarget(), styles.money);
                cells.percent(row, 6, plan.capPct());
            }
            List<String> windows = new ArrayList<>();
            for (Window w : Window.values()) {
                windows.add(w.name() + " " + Decimals.grouped2(
                        CompExplanation.windowTarget(plan, packet.plan().fullPeriod(w))));
            }
            targets.add("\u201c" + plan.name() + "\u201d window targets (annual target × months ÷ 12): "
                    + String.join(", ", windows) + " " + packet.baseCurrency() + ".");
        }
        for (String line : targets) {
            cells.text(sheet.createRow(r++), 0, line);
        }
        cells.text(sheet.createRow(r++), 0, "Estimate = window target × Σ over the tiers of (the part of the"
                + " attainment inside the tier × its rate) ÷ 100, capped at the cap; each tier pays only on its own"
                + " part. Below the first tier with a rate above 0 the estimate is 0.00 however much is credited."
                + " Reps sheet: each rep's tier, credit to the next tier and the working.");
        return r;
    }
}
