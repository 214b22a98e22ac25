package com.salesops.packets.packet.pdf;

import com.salesops.packets.attainment.Distribution;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.Packet;
import com.salesops.packets.packet.RepOrder;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRParameter;

/**
 * Turns a {@link Packet} into the parameters and data sources of {@code reports/packet.jrxml}: page 1
 * here, the rep pages in {@link RepViews}, the flags in {@link FlagView}. Everything the templates
 * print is formatted in these classes, so the templates hold no arithmetic.
 */
final class PacketView {

    /** Reps listed at each end of page 1's best and lowest, before ties. */
    static final int PAGE_ONE_REPS = 3;

    private final Packet packet;
    private final int repCount;
    private final RepViews reps;
    private final boolean summarised;

    private PacketView(Packet packet, int maxListedReps) {
        this.packet = packet;
        this.repCount = (int) packet.repRows().stream().map(NodeResult::nodeId).distinct().count();
        this.summarised = repCount > maxListedReps;
        this.reps = new RepViews(packet, repCount, summarised);
    }

    static Map<String, Object> parameters(Packet packet, Templates templates, int maxListedReps) {
        Map<String, Object> p = new PacketView(packet, maxListedReps).parameters(templates);
        p.putAll(ChangesView.parameters(packet, templates.changes(), maxListedReps));
        return p;
    }

    private Map<String, Object> parameters(Templates templates) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, Locale.US);
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        p.put("TEAM_NAME", Views.orNa(packet.team().name()));
        p.put("MANAGER_NAME", packet.manager() == null ? Formats.NA : Views.orNa(packet.manager().fullName()));
        p.put("RUN_KEY", packet.runKey());
        p.put("AS_OF", packet.asOf().toString());
        p.put("GENERATED", Formats.generated(packet.generatedAt()));
        p.put("CURRENCY", packet.baseCurrency());
        p.put("FLAG_COUNT", packet.flags().size());
        p.put("HAS_CHILD_TEAMS", !packet.directChildTeamIds().isEmpty());
        p.put("REPS_LINE", repsLine());

        p.put("KPI_REPORT", templates.kpiCards());
        p.put("KPI_DS", Views.source(kpiCards()));
        p.put("REP_LIST_REPORT", templates.repList());
        bestAndLowest(p);
        p.put("PAGE_ONE_NOTE", pageOneNote());

        p.put("CHART_REPORT", templates.attainmentChart());
        p.put("CHART_DS", Views.source(reps.attainmentCharts(RepOrder.COMPARISON)));
        p.put("PACE_MONTH_TITLE", reps.paceTitle(Window.MONTH));
        p.put("PACE_MONTH_DS", Views.source(reps.pacePoints(Window.MONTH)));
        p.put("PACE_QUARTER_TITLE", reps.paceTitle(Window.QUARTER));
        p.put("PACE_QUARTER_DS", Views.source(reps.pacePoints(Window.QUARTER)));

        TrendView trend = new TrendView(packet, summarised);
        p.put("TREND_REPORT", templates.trend());
        p.put("TREND_DS", Views.source(trend.rows()));
        p.put("TREND_TITLE", trend.title());

        p.put("REP_TABLE_REPORT", templates.repTable());
        p.put("REP_DS", Views.source(reps.repTable()));
        p.put("TEAM_TABLE_REPORT", templates.teamTable());
        p.put("TEAM_DS", Views.source(reps.childTeams()));
        CompView comp = new CompView(packet, reps);
        p.put("COMP_PLANS", comp.plans());
        p.put("COMP_REPORT", templates.compTable());
        p.put("COMP_DS", Views.source(comp.rows()));
        FlagView flags = new FlagView(packet);
        p.put("FLAGS_REPORT", templates.flags());
        p.put("FLAG_DS", Views.source(flags.rows()));
        p.put("FLAG_TITLE", flags.title());
        return p;
    }

    /** "40 reps in this packet", and how many more are counted in another team (marked * in the rep table). */
    private String repsLine() {
        long guests = packet.repRows().stream().map(NodeResult::nodeId).distinct()
                .filter(packet.guests()::containsKey).count();
        String line = (repCount - guests) + " reps in this packet";
        return guests == 0 ? line : line + " + " + guests + " counted in another team (marked * in the rep table)";
    }

    private List<Map<String, ?>> kpiCards() {
        List<Map<String, ?>> cards = new ArrayList<>();
        for (Window w : Window.values()) {
            NodeResult team = packet.teamRow(w);
            Period full = packet.plan().fullPeriod(w);
            long day = ChronoUnit.DAYS.between(full.start(), packet.asOf()) + 1;
            Map<String, Object> card = new HashMap<>();
            card.put("window", w.name());
            card.put("period", full.start() + " – " + full.end() + " · day " + day + " of " + full.days());
            card.put("attainment", Formats.pct(team.attainmentPct()));
            card.put("paceStatus", team.paceStatus().map(Enum::name).orElse(""));
            card.put("pace", team.paceStatus().isEmpty() ? "Pace n/a"
                    : Formats.pace(team.paceStatus()) + " · pace index " + Formats.plain2(team.paceIndex()));
            card.put("credited", Formats.money(team.credited()));
            card.put("quota", Formats.money(team.quota()));
            card.put("gap", Formats.money(team.gapToQuota()));
            card.put("expected", Formats.pct(team.expectedPct()));
            card.put("projected", Formats.pct(team.projectedPct()));
            card.put("overAssignment", Formats.pct(team.overAssignmentPct()));
            card.put("deals", Integer.toString(team.dealCount()));
            card.put("currency", packet.baseCurrency());
            Distribution d = packet.distribution().get(w);
            card.put("d100", d == null ? Formats.NA : Integer.toString(d.atOrAbove100()));
            card.put("d75", d == null ? Formats.NA : Integer.toString(d.from75To100()));
            card.put("d50", d == null ? Formats.NA : Integer.toString(d.from50To75()));
            card.put("dLow", d == null ? Formats.NA : Integer.toString(d.below50()));
            card.put("dNone", d == null ? Formats.NA : Integer.toString(d.noQuota()));
            card.put("atQuota", d == null ? Formats.NA
                    : Formats.pct(d.pctAtOrAbove100()) + " of " + d.ranked() + " ranked reps at or above quota");
            cards.add(card);
        }
        return cards;
    }

    /**
     * Page 1's best and lowest reps in the comparison window: the packet's own ranked reps, ranked
     * among themselves (for a first-line team that is rank_in_team), ties at the cut included. A team
     * with no ranked reps but specialists with a quota (an overlay team) lists the specialists, unranked.
     */
    private void bestAndLowest(Map<String, Object> p) {
        Window w = RepOrder.COMPARISON;
        List<NodeResult> ownWithAttainment = RepOrder.withAttainmentBestFirst(
                packet.repRows().stream().filter(packet::own).toList(), w);
        List<NodeResult> ranked = ownWithAttainment.stream().filter(r -> r.rankInTeam().isPresent()).toList();
        boolean specialists = ranked.isEmpty() && !ownWithAttainment.isEmpty();
        List<NodeResult> listed = specialists ? ownWithAttainment : ranked;
        List<NodeResult> best = RepOrder.firstWithTies(listed, PAGE_ONE_REPS);
        List<NodeResult> lowest = RepOrder.lastWithTies(listed.subList(best.size(), listed.size()), PAGE_ONE_REPS);
        Map<String, Integer> ranks = RepOrder.competitionRanks(listed);
        Period full = packet.plan().fullPeriod(w);
        String basis = w.name() + " attainment " + full.start() + " – " + full.end();
        String of = specialists ? "overlay specialists, not ranked" : "# among the " + ranked.size() + " ranked reps";
        p.put("TOP_TITLE", "Best " + (best.size() > PAGE_ONE_REPS ? best.size() + " (tied)" : PAGE_ONE_REPS)
                + " — " + basis);
        p.put("BOTTOM_TITLE", "Lowest " + (lowest.size() > PAGE_ONE_REPS ? lowest.size() + " (tied)" : PAGE_ONE_REPS)
                + " — " + of);
        p.put("TOP_DS", Views.source(repList(best, ranks, specialists)));
        p.put("BOTTOM_DS", Views.source(repList(lowest, ranks, specialists)));
    }

    private List<Map<String, ?>> repList(List<NodeResult> list, Map<String, Integer> ranks, boolean specialists) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (NodeResult r : list) {
            Map<String, Object> row = new HashMap<>();
            row.put("rank", specialists ? "–" : String.valueOf(ranks.get(r.nodeId())));
            row.put("rep", Formats.person(r.nodeName(), r.nodeId()));
            row.put("team", Views.teamName(packet, r.teamId()));
            row.put("attainment", Formats.pct(r.attainmentPct()));
            row.put("pace", Formats.pace(r.paceStatus()));
            row.put("paceStatus", r.paceStatus().map(Enum::name).orElse(""));
            rows.add(row);
        }
        return rows;
    }

    private String pageOneNote() {
        String note = "Amounts in " + packet.baseCurrency() + ". Pace index = attainment ÷ expected (the share of the"
                + " period elapsed): by default On pace ≥ 1.00, At risk ≥ 0.80, Behind < 0.80. Projected = straight-line"
                + " run rate to period end. Over-assignment = sum of rep quotas ÷ team quota − 1 (positive: the reps"
                + " carry more than the team's number). Distribution counts this packet's ranked reps. Best and lowest,"
                + " the bar charts and the workbook's chart compare reps on " + RepOrder.COMPARISON.name() + " attainment.";
        if (packet.overlayTeams().contains(packet.team().id())) {
            note = "Overlay team: a specialist's credit counts for the specialist, not for the team (no double"
                    + " counting), so the team's own credit and quota are 0 and its attainment n/a; the specialists'"
                    + " own attainment is listed above and in the rep table. " + note;
        }
        return note;
    }
}
