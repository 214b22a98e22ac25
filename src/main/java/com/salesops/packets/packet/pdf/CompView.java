package com.salesops.packets.packet.pdf;

import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.packet.CompExplanation;
import com.salesops.packets.packet.Packet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PDF's "Comp estimate" section (reports/comp-table.jrxml): the plan's tiers and rates stated
 * once, then per window each listed rep's tier, the credit and target the estimate is worked from,
 * the estimate, what the next tier needs and how the estimate comes about (or why it is 0.00).
 */
final class CompView {

    private final Packet packet;
    private final RepViews.Listed listed;

    CompView(Packet packet, RepViews reps) {
        this.packet = packet;
        this.listed = reps.listed();
    }

    /** The terms of every plan the packet's reps are on, and how an estimate is worked out. */
    String plans() {
        List<String> lines = new ArrayList<>();
        for (CompPlan plan : packet.compPlansInUse()) {
            lines.add(CompExplanation.planTerms(plan, packet.baseCurrency()));
        }
        lines.add("A window's estimate = its target (annual target × months of the window ÷ 12) × Σ over the tiers of"
                + " (the part of the attainment inside the tier × the tier's rate) ÷ 100, capped; each tier pays only"
                + " on its own part (marginal). Worked on the unrounded attainment: redone from the 2-decimal parts"
                + " shown, it can differ by a few cents. A rep below the first paying tier gets 0.00 however much is"
                + " credited.");
        return String.join("\n", lines);
    }

    List<Map<String, ?>> rows() {
        List<CompPlan> plans = packet.compPlansInUse();
        boolean severalPlans = plans.size() > 1;
        List<Map<String, ?>> rows = new ArrayList<>();
        for (NodeResult r : listed.rows()) {
            CompPlan plan = packet.compPlan(r.nodeId());
            Period full = packet.plan().fullPeriod(r.window());
            Map<String, Object> row = new HashMap<>();
            row.put("window", r.window().name());
            // one plan: its window target heads the window; several: each rep's working names its own
            String target = severalPlans ? "" : " · window target " + Formats.money(CompExplanation.windowTarget(
                    plans.get(0), full)) + " " + packet.baseCurrency() + " (annual target × " + CompExplanation.months(full) + " ÷ 12)";
            row.put("windowTitle", r.window().name() + " · " + full.start() + " – " + full.end() + target
                    + listed.cut().getOrDefault(r.window(), ""));
            String name = Views.orNa(r.nodeName()) + " (" + r.nodeId() + ")";
            row.put("rep", packet.guests().containsKey(r.nodeId()) ? name + " *" : name);
            String tier = r.currentTier().isPresent() ? CompExplanation.tier(plan, r.currentTier().getAsInt()) : Formats.NA;
            row.put("tier", severalPlans ? plan.name() + " · " + tier : tier);
            row.put("attainment", Formats.pct(r.attainmentPct()));
            row.put("credited", Formats.money(r.credited()));
            row.put("comp", Formats.money(r.compEstimate()));
            row.put("zero", r.compEstimate().map(c -> c.signum() == 0).orElse(Boolean.TRUE));
            row.put("nextTier", CompExplanation.nextTier(r, plan));
            row.put("why", CompExplanation.why(r, plan));
            row.put("currency", packet.baseCurrency());
            rows.add(row);
        }
        return rows;
    }
}
