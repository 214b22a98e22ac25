package com.salesops.packets.delivery;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.PaceStatus;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.RepOrder;
import com.salesops.packets.support.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a packet email says, in plain words a manager reads on a phone: per window the attainment,
 * credited against quota in the base currency, the gap, and the pace said as a sentence; then the
 * best and lowest reps (ties kept together). The same figures as the packet and attainment.csv.
 * The wording is plain ASCII, so a body whose names are ASCII stays 7-bit and readable as sent.
 */
final class EmailSummary {

    /** A titled group of short lines. */
    record Block(String title, List<String> lines) {
    }

    private static final int REPS = 3;

    private final PacketEmail email;

    EmailSummary(PacketEmail email) {
        this.email = email;
    }

    String intro() {
        return "Your performance packet for " + email.teamName() + ", as of " + email.asOf() + " (run "
                + email.runKey() + ")." + (email.currency().isBlank() ? "" : " Amounts in " + email.currency() + ".");
    }

    List<Block> windows() {
        List<Block> blocks = new ArrayList<>();
        for (Window w : Window.values()) {
            PacketMailer.headline(email, w).ifPresent(r -> blocks.add(window(w, r)));
        }
        return blocks;
    }

    private Block window(Window w, NodeResult r) {
        String period = period(w);
        List<String> lines = new ArrayList<>();
        String credited = money(r.credited());
        if (r.attainmentPct().isPresent()) {
            lines.add(pct(r.attainmentPct().get()) + " of quota: " + credited + " credited of "
                    + money(r.quota().orElseThrow()));
            lines.add("Gap to quota: " + money(r.gapToQuota().orElseThrow()));
            lines.add(pace(r, period));
            r.projectedPct().ifPresent(p -> lines.add("At this rate the " + period + " ends at " + pct(p) + " of quota"));
        } else {
            lines.add(credited + " credited; no team quota, so no attainment or pace (an overlay team's credit counts"
                    + " for its specialists)");
        }
        return new Block(label(w) + " (" + r.period().start() + " to " + r.period().end() + ")", lines);
    }

    /** e.g. "Behind: 5.95 % of quota done with 16.13 % of the month gone (pace index 0.37)". */
    private static String pace(NodeResult r, String period) {
        PaceStatus status = r.paceStatus().orElseThrow();
        String word = switch (status) {
            case ON_PACE -> "On pace";
            case AT_RISK -> "At risk";
            case BEHIND -> "Behind";
        };
        return word + ": " + pct(r.attainmentPct().orElseThrow()) + " of quota done with " + pct(r.expectedPct())
                + " of the " + period + " gone (pace index " + r.paceIndex().map(Decimals::plain2).orElse("n/a") + ")";
    }

    /** Best and lowest of the team's own ranked reps on {@link RepOrder#COMPARISON}; specialists when none is ranked. */
    List<Block> reps() {
        Window w = RepOrder.COMPARISON;
        List<NodeResult> withAttainment = RepOrder.withAttainmentBestFirst(email.reps(), w);
        List<NodeResult> ranked = withAttainment.stream().filter(r -> r.rankInTeam().isPresent()).toList();
        boolean specialists = ranked.isEmpty();
        List<NodeResult> listed = specialists ? withAttainment : ranked;
        if (listed.isEmpty()) {
            return List.of();
        }
        List<NodeResult> best = RepOrder.firstWithTies(listed, REPS);
        List<NodeResult> lowest = RepOrder.lastWithTies(listed.subList(best.size(), listed.size()), REPS);
        String basis = label(w).toLowerCase(Locale.ROOT);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block((specialists ? "Specialists (overlay, not ranked), " : "Best reps, ") + basis,
                lines(best)));
        if (!lowest.isEmpty()) {
            blocks.add(new Block("Lowest reps, " + basis, lines(lowest)));
        }
        return blocks;
    }

    private static List<String> lines(List<NodeResult> reps) {
        return reps.stream().map(r -> RepOrder.name(r) + ": " + pct(r.attainmentPct().orElseThrow())
                + r.paceStatus().map(s -> ", " + (s == PaceStatus.ON_PACE ? "on pace" : s == PaceStatus.AT_RISK
                        ? "at risk" : "behind")).orElse("")).toList();
    }

    private static String label(Window w) {
        return switch (w) {
            case MONTH -> "Month to date";
            case QUARTER -> "Quarter to date";
            case YEAR -> "Year to date";
        };
    }

    private static String period(Window w) {
        return switch (w) {
            case MONTH -> "month";
            case QUARTER -> "quarter";
            case YEAR -> "year";
        };
    }

    private String money(BigDecimal v) {
        return Decimals.grouped2(v) + (email.currency().isBlank() ? "" : " " + email.currency());
    }

    private static String pct(BigDecimal v) {
        return Decimals.plain2(v) + " %";
    }
}
