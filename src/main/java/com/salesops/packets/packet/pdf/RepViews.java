package com.salesops.packets.packet.pdf;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.Packet;
import com.salesops.packets.packet.RepOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The rep-by-rep pages of the PDF: the attainment bar charts, the pace charts, the rep and team tables. */
final class RepViews {

    /** Bars per attainment chart; a larger team gets one chart per chunk (one page each). */
    static final int BARS_PER_CHART = 25;
    /** Up to this many bars fit a half-height chart. */
    static final int SMALL_CHART_BARS = 8;

    private static final MathContext EXACT = new MathContext(34, RoundingMode.HALF_UP);

    private final Packet packet;
    private final int repCount;
    /** More reps than the PDF lists: charts and rep table show the best and lowest {@link #BARS_PER_CHART}. */
    private final boolean summarised;

    RepViews(Packet packet, int repCount, boolean summarised) {
        this.packet = packet;
        this.repCount = repCount;
        this.summarised = summarised;
    }

    /** One row per chart: the reps with an attainment in {@code w}, best first. */
    List<Map<String, ?>> attainmentCharts(Window w) {
        List<NodeResult> reps = RepOrder.withAttainmentBestFirst(packet.repRows(), w);
        long withoutQuota = packet.repRows().stream()
                .filter(r -> r.window() == w && r.attainmentPct().isEmpty()).map(NodeResult::nodeId).distinct().count();
        List<Map<String, ?>> charts = new ArrayList<>();
        if (summarised && reps.size() > 2 * BARS_PER_CHART) {
            String note = "Dashed line: 100 % of quota. " + reps.size() + " reps have a quota in this window; "
                    + "every rep is on the workbook's Reps sheet.";
            charts.add(chart(w, reps.subList(0, BARS_PER_CHART), "best " + BARS_PER_CHART + " of " + reps.size(), note));
            charts.add(chart(w, reps.subList(reps.size() - BARS_PER_CHART, reps.size()),
                    "lowest " + BARS_PER_CHART + " of " + reps.size(), note));
            return charts;
        }
        String note = withoutQuota == 0 ? "Dashed line: 100 % of quota."
                : "Dashed line: 100 % of quota. " + withoutQuota + " rep(s) without quota are not shown.";
        for (int from = 0; from < reps.size(); from += BARS_PER_CHART) {
            List<NodeResult> chunk = reps.subList(from, Math.min(reps.size(), from + BARS_PER_CHART));
            charts.add(chart(w, chunk, "reps " + (from + 1) + "–" + (from + chunk.size()) + " of " + reps.size(), note));
        }
        if (charts.isEmpty()) {
            Map<String, Object> chart = new HashMap<>();
            chart.put("title", "Attainment by rep — " + w.name() + ": no rep has a quota in this window.");
            chart.put("note", "");
            chart.put("small", Boolean.TRUE);
            chart.put("bars", Views.source(List.of()));
            charts.add(chart);
        }
        return charts;
    }

    /** One bar chart of {@code reps} (best first), titled with the window and {@code which} reps it shows. */
    private Map<String, ?> chart(Window w, List<NodeResult> reps, String which, String note) {
        Period full = packet.plan().fullPeriod(w);
        List<Map<String, ?>> bars = new ArrayList<>();
        for (NodeResult r : reps) {
            Map<String, Object> bar = new HashMap<>();
            // Name alone may repeat; a category key must be unique or the chart keeps the last value.
            bar.put("label", ChartFonts.label(Views.orNa(r.nodeName()) + " (" + r.nodeId() + ")"));
            bar.put("value", RepOrder.printed(r).doubleValue());
            bars.add(bar);
        }
        Map<String, Object> chart = new HashMap<>();
        chart.put("title", "Attainment by rep — " + w.name() + " " + full.start() + " – " + full.end() + " (" + which + ")");
        chart.put("note", note);
        chart.put("small", reps.size() <= SMALL_CHART_BARS);
        chart.put("bars", Views.source(bars));
        return chart;
    }

    String paceTitle(Window w) {
        Period full = packet.plan().fullPeriod(w);
        return w.name() + " " + full.start() + " – " + full.end() + ": cumulative credit vs straight-line quota ("
                + packet.baseCurrency() + ")";
    }

    /** Cumulative credit up to D, and quota × day / days over the whole period. */
    List<Map<String, ?>> pacePoints(Window w) {
        Period full = packet.plan().fullPeriod(w);
        SortedMap<LocalDate, BigDecimal> daily = packet.dailyCredit().getOrDefault(w, new TreeMap<>());
        List<Map<String, ?>> points = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        points.add(point("Credited (cumulative)", 0, BigDecimal.ZERO));
        int day = 0;
        for (LocalDate d = full.start(); !d.isAfter(packet.asOf()) && !d.isAfter(full.end()); d = d.plusDays(1)) {
            day++;
            cumulative = cumulative.add(daily.getOrDefault(d, BigDecimal.ZERO));
            points.add(point("Credited (cumulative)", day, cumulative));
        }
        Optional<BigDecimal> quota = packet.teamRow(w).quota();
        if (quota.isPresent()) {
            long days = full.days();
            points.add(point("Quota pace (straight line)", 0, BigDecimal.ZERO));
            for (int i = 1; i <= days; i++) {
                points.add(point("Quota pace (straight line)", i,
                        quota.get().multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(days), EXACT)));
            }
        }
        return points;
    }

    private static Map<String, ?> point(String series, int day, BigDecimal amount) {
        Map<String, Object> p = new HashMap<>();
        p.put("series", series);
        p.put("day", day);
        p.put("amount", amount.doubleValue());
        return p;
    }

    /**
     * The rep rows the PDF lists, per window, in the rep table's order, and per window a note when
     * the packet has more reps than it lists (then the best and lowest ranked ones).
     */
    record Listed(List<NodeResult> rows, Map<Window, String> cut) {
    }

    Listed listed() {
        Comparator<NodeResult> order = Comparator
                .comparing((NodeResult r) -> r.window().ordinal())
                .thenComparing(r -> !packet.own(r))
                .thenComparing(r -> Views.teamName(packet, r.teamId()))
                .thenComparing(r -> r.rankInTeam().isPresent() ? r.rankInTeam().getAsInt() : Integer.MAX_VALUE)
                .thenComparing(NodeResult::nodeName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(NodeResult::nodeId);
        if (!summarised) {
            return new Listed(packet.repRows().stream().sorted(order).toList(), Map.of());
        }
        List<NodeResult> listed = new ArrayList<>();
        Map<Window, String> cut = new EnumMap<>(Window.class);
        for (Window w : Window.values()) {
            List<NodeResult> ranked = packet.repRows().stream()
                    .filter(r -> r.window() == w && r.rankInTeam().isPresent()).sorted(RepOrder.BEST_FIRST).toList();
            if (ranked.size() > 2 * BARS_PER_CHART) {
                listed.addAll(ranked.subList(0, BARS_PER_CHART));
                listed.addAll(ranked.subList(ranked.size() - BARS_PER_CHART, ranked.size()));
                cut.put(w, " · best and lowest " + BARS_PER_CHART + " of " + ranked.size() + " ranked reps; all "
                        + repCount + " in the workbook");
            } else {
                listed.addAll(packet.repRows().stream().filter(r -> r.window() == w).sorted(order).toList());
            }
        }
        return new Listed(listed, cut);
    }

    List<Map<String, ?>> repTable() {
        Listed selection = listed();
        List<NodeResult> listed = selection.rows();
        Map<Window, String> cut = selection.cut();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (NodeResult r : listed) {
            Period full = packet.plan().fullPeriod(r.window());
            Map<String, Object> row = new HashMap<>();
            row.put("window", r.window().name());
            row.put("windowTitle", r.window().name() + " · " + full.start() + " – " + full.end()
                    + " · expected " + Formats.pct(r.expectedPct())
                    + cut.getOrDefault(r.window(), ""));
            String guest = packet.guests().get(r.nodeId());
            row.put("rep", guest == null ? Views.orNa(r.nodeName()) : Views.orNa(r.nodeName()) + " *");
            row.put("repId", r.nodeId());
            row.put("team", guest == null ? Views.teamName(packet, r.teamId()) : Views.teamName(packet, r.teamId())
                    + " (* " + guest + ")");
            row.put("quota", Formats.money(r.quota()));
            row.put("credited", Formats.money(r.credited()));
            row.put("attainment", Formats.pct(r.attainmentPct()));
            row.put("pace", Formats.pace(r.paceStatus()));
            row.put("paceStatus", r.paceStatus().map(Enum::name).orElse(""));
            row.put("rank", Formats.rank(r.rankInTeam()));
            row.put("comp", Formats.money(r.compEstimate()));
            row.put("nextTier", Formats.money(r.creditToNextTier()));
            row.put("currency", packet.baseCurrency());
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, ?>> childTeams() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String childId : packet.directChildTeamIds()) {
            for (Window w : Window.values()) {
                packet.teamRows().stream()
                        .filter(r -> r.window() == w && r.nodeId().equals(childId))
                        .findFirst()
                        .ifPresent(r -> {
                            Map<String, Object> row = new HashMap<>();
                            row.put("team", Views.orNa(r.nodeName()));
                            row.put("window", w.name());
                            row.put("quota", Formats.money(r.quota()));
                            row.put("credited", Formats.money(r.credited()));
                            row.put("attainment", Formats.pct(r.attainmentPct()));
                            row.put("projected", Formats.pct(r.projectedPct()));
                            row.put("gap", Formats.money(r.gapToQuota()));
                            row.put("pace", Formats.pace(r.paceStatus()));
                            row.put("paceStatus", r.paceStatus().map(Enum::name).orElse(""));
                            row.put("overAssignment", Formats.pct(r.overAssignmentPct()));
                            row.put("currency", packet.baseCurrency());
                            rows.add(row);
                        });
            }
        }
        return rows;
    }
}
