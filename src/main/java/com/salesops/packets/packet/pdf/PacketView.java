package com.salesops.packets.packet.pdf;

import com.salesops.packets.attainment.Distribution;
import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.FlagType;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.packet.DealLine;
import com.salesops.packets.packet.Packet;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Turns a {@link Packet} into the parameters and data sources of {@code reports/packet.jrxml}.
 * Everything the templates print is formatted here, so the templates hold no arithmetic.
 */
final class PacketView {

    /** Bars per attainment chart; a larger team gets one chart per chunk (one page each). */
    static final int BARS_PER_CHART = 25;
    /** A packet with more flags (a region, a VP) lists this many, the largest by amount. */
    static final int MAX_LISTED_FLAGS = 100;
    /** Up to this many bars fit a half-height chart. */
    static final int SMALL_CHART_BARS = 8;

    private static final MathContext EXACT = new MathContext(34, RoundingMode.HALF_UP);
    private static final Comparator<NodeResult> BY_ATTAINMENT_DESC = Comparator
            .comparing((NodeResult r) -> r.attainmentPct().orElseThrow().setScale(2, RoundingMode.HALF_UP))
            .reversed()
            .thenComparing(NodeResult::nodeName, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(NodeResult::nodeId);

    private final Packet packet;
    private final int repCount;
    /** More reps than the PDF lists: charts and rep table show the best and lowest {@link #BARS_PER_CHART}. */
    private final boolean summarised;

    private PacketView(Packet packet, int maxListedReps) {
        this.packet = packet;
        this.repCount = (int) packet.repRows().stream().map(NodeResult::nodeId).distinct().count();
        this.summarised = repCount > maxListedReps;
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
        String teamName = orNa(packet.team().name());
        p.put("TEAM_NAME", teamName);
        p.put("MANAGER_NAME", packet.manager() == null ? Formats.NA : orNa(packet.manager().fullName()));
        p.put("RUN_KEY", packet.runKey());
        p.put("AS_OF", packet.asOf().toString());
        p.put("GENERATED", Formats.generated(packet.generatedAt()));
        p.put("FLAG_COUNT", packet.flags().size());
        p.put("HAS_CHILD_TEAMS", !packet.directChildTeamIds().isEmpty());

        p.put("KPI_REPORT", templates.kpiCards());
        p.put("KPI_DS", source(kpiCards()));

        Window basis = rankedReps(Window.MONTH).isEmpty() ? Window.QUARTER : Window.MONTH;
        List<NodeResult> ranked = rankedReps(basis);
        int top = Math.min(3, ranked.size());
        int bottom = Math.min(3, ranked.size() - top);
        p.put("TOP_BASIS", basis.name());
        p.put("REP_LIST_REPORT", templates.repList());
        Map<String, Integer> packetRank = competitionRanks(ranked);
        p.put("TOP_DS", source(repList(ranked.subList(0, top), packetRank)));
        List<NodeResult> lowest = new ArrayList<>(ranked.subList(ranked.size() - bottom, ranked.size()));
        Collections.reverse(lowest);
        p.put("BOTTOM_DS", source(repList(lowest, packetRank)));
        p.put("REPS_IN_PACKET", repCount);

        p.put("CHART_REPORT", templates.attainmentChart());
        p.put("CHART_DS", source(attainmentCharts(Window.QUARTER)));
        p.put("PACE_MONTH_TITLE", paceTitle(Window.MONTH));
        p.put("PACE_MONTH_DS", source(pacePoints(Window.MONTH)));
        p.put("PACE_QUARTER_TITLE", paceTitle(Window.QUARTER));
        p.put("PACE_QUARTER_DS", source(pacePoints(Window.QUARTER)));

        p.put("REP_TABLE_REPORT", templates.repTable());
        p.put("REP_DS", source(repTable()));
        p.put("TEAM_TABLE_REPORT", templates.teamTable());
        p.put("TEAM_DS", source(childTeams()));
        p.put("FLAGS_REPORT", templates.flags());
        p.put("FLAG_DS", source(flags()));
        p.put("FLAG_TITLE", flagTitle());
        return p;
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

    private List<NodeResult> rankedReps(Window w) {
        return packet.repRows().stream()
                .filter(r -> r.window() == w && r.rankInTeam().isPresent() && r.attainmentPct().isPresent())
                .sorted(BY_ATTAINMENT_DESC)
                .toList();
    }

    /** Standard competition ranking (1, 2, 2, 4) over the packet's ranked reps, by 2-decimal attainment. */
    private static Map<String, Integer> competitionRanks(List<NodeResult> sortedBest) {
        Map<String, Integer> ranks = new HashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < sortedBest.size(); i++) {
            BigDecimal value = sortedBest.get(i).attainmentPct().orElseThrow().setScale(2, RoundingMode.HALF_UP);
            if (previous == null || value.compareTo(previous) != 0) {
                rank = i + 1;
                previous = value;
            }
            ranks.putIfAbsent(sortedBest.get(i).nodeId(), rank);
        }
        return ranks;
    }

    private List<Map<String, ?>> repList(List<NodeResult> reps, Map<String, Integer> packetRank) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (NodeResult r : reps) {
            Map<String, Object> row = new HashMap<>();
            row.put("rank", String.valueOf(packetRank.get(r.nodeId())));
            row.put("rep", Formats.person(r.nodeName(), r.nodeId()));
            row.put("team", teamName(r.teamId()));
            row.put("attainment", Formats.pct(r.attainmentPct()));
            row.put("pace", Formats.pace(r.paceStatus()));
            row.put("paceStatus", r.paceStatus().map(Enum::name).orElse(""));
            rows.add(row);
        }
        return rows;
    }

    /** One row per chart: the reps with an attainment, best first, unique category keys. */
    private List<Map<String, ?>> attainmentCharts(Window w) {
        Map<String, NodeResult> byRep = new LinkedHashMap<>();
        packet.repRows().stream()
                .filter(r -> r.window() == w && r.attainmentPct().isPresent())
                .sorted(BY_ATTAINMENT_DESC)
                .forEach(r -> byRep.putIfAbsent(r.nodeId(), r));
        List<NodeResult> reps = new ArrayList<>(byRep.values());
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
            chart.put("bars", source(List.of()));
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
            bar.put("label", orNa(r.nodeName()) + " (" + r.nodeId() + ")");
            bar.put("value", r.attainmentPct().orElseThrow().setScale(2, RoundingMode.HALF_UP).doubleValue());
            bars.add(bar);
        }
        Map<String, Object> chart = new HashMap<>();
        chart.put("title", "Attainment by rep — " + w.name() + " " + full.start() + " – " + full.end() + " (" + which + ")");
        chart.put("note", note);
        chart.put("small", reps.size() <= SMALL_CHART_BARS);
        chart.put("bars", source(bars));
        return chart;
    }

    private String paceTitle(Window w) {
        Period full = packet.plan().fullPeriod(w);
        return w.name() + " " + full.start() + " – " + full.end() + ": cumulative credit vs straight-line quota";
    }

    /** Cumulative credit up to D, and quota × day / days over the whole period. */
    private List<Map<String, ?>> pacePoints(Window w) {
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

    private List<Map<String, ?>> repTable() {
        Comparator<NodeResult> order = Comparator
                .comparing((NodeResult r) -> r.window().ordinal())
                .thenComparing(r -> teamName(r.teamId()))
                .thenComparing(r -> r.rankInTeam().isPresent() ? r.rankInTeam().getAsInt() : Integer.MAX_VALUE)
                .thenComparing(NodeResult::nodeName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(NodeResult::nodeId);
        List<NodeResult> listed = packet.repRows().stream().sorted(order).toList();
        Map<Window, String> cut = new EnumMap<>(Window.class);
        if (summarised) {
            listed = new ArrayList<>();
            for (Window w : Window.values()) {
                List<NodeResult> ranked = rankedReps(w);
                if (ranked.size() > 2 * BARS_PER_CHART) {
                    listed.addAll(ranked.subList(0, BARS_PER_CHART));
                    listed.addAll(ranked.subList(ranked.size() - BARS_PER_CHART, ranked.size()));
                    cut.put(w, " · best and lowest " + BARS_PER_CHART + " of " + ranked.size() + " ranked reps; all "
                            + repCount + " in the workbook");
                } else {
                    listed.addAll(packet.repRows().stream().filter(r -> r.window() == w).sorted(order).toList());
                }
            }
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (NodeResult r : listed) {
            Period full = packet.plan().fullPeriod(r.window());
            Map<String, Object> row = new HashMap<>();
            row.put("window", r.window().name());
            row.put("windowTitle", r.window().name() + " · " + full.start() + " – " + full.end()
                    + " · expected " + Formats.pct(r.expectedPct()) + cut.getOrDefault(r.window(), ""));
            row.put("rep", orNa(r.nodeName()));
            row.put("repId", r.nodeId());
            row.put("team", teamName(r.teamId()));
            row.put("quota", Formats.money(r.quota()));
            row.put("credited", Formats.money(r.credited()));
            row.put("attainment", Formats.pct(r.attainmentPct()));
            row.put("pace", Formats.pace(r.paceStatus()));
            row.put("paceStatus", r.paceStatus().map(Enum::name).orElse(""));
            row.put("rank", Formats.rank(r.rankInTeam()));
            row.put("comp", Formats.money(r.compEstimate()));
            row.put("nextTier", Formats.money(r.creditToNextTier()));
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, ?>> childTeams() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (String childId : packet.directChildTeamIds()) {
            for (Window w : Window.values()) {
                packet.teamRows().stream()
                        .filter(r -> r.window() == w && r.nodeId().equals(childId))
                        .findFirst()
                        .ifPresent(r -> {
                            Map<String, Object> row = new HashMap<>();
                            row.put("team", orNa(r.nodeName()));
                            row.put("window", w.name());
                            row.put("quota", Formats.money(r.quota()));
                            row.put("credited", Formats.money(r.credited()));
                            row.put("attainment", Formats.pct(r.attainmentPct()));
                            row.put("projected", Formats.pct(r.projectedPct()));
                            row.put("gap", Formats.money(r.gapToQuota()));
                            row.put("pace", Formats.pace(r.paceStatus()));
                            row.put("paceStatus", r.paceStatus().map(Enum::name).orElse(""));
                            row.put("overAssignment", Formats.pct(r.overAssignmentPct()));
                            rows.add(row);
                        });
            }
        }
        return rows;
    }

    /** The flags the PDF lists: all of them, or the {@link #MAX_LISTED_FLAGS} largest by amount. */
    private List<Flag> listedFlags() {
        List<Flag> all = packet.flags();
        if (all.size() > MAX_LISTED_FLAGS) {
            all = all.stream()
                    .sorted(Comparator.comparing(Flag::amount).reversed()
                            .thenComparing(f -> f.flag().name()).thenComparing(Flag::employeeId)
                            .thenComparing(f -> f.period().start()))
                    .limit(MAX_LISTED_FLAGS).toList();
        }
        return all;
    }

    private String flagTitle() {
        int count = packet.flags().size();
        return count > MAX_LISTED_FLAGS
                ? String.format(Locale.US, "Flags (%,d — the %d largest listed; all in the workbook and flags.csv)",
                        count, MAX_LISTED_FLAGS)
                : "Flags (" + count + ")";
    }

    private List<Map<String, ?>> flags() {
        List<Flag> flags = listedFlags().stream()
                .sorted(Comparator.comparing((Flag f) -> f.flag().name())
                        .thenComparing(f -> f.period().start())
                        .thenComparing(Flag::employeeId))
                .toList();
        Map<String, String> names = new HashMap<>();
        packet.repRows().forEach(r -> names.putIfAbsent(r.nodeId(), r.nodeName()));
        Map<String, DealLine> firstLine = flaggedDeals(flags, names);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Flag f : flags) {
            StringBuilder deals = new StringBuilder();
            for (String bookingId : f.bookingIds()) {
                if (deals.length() > 0) {
                    deals.append('\n');
                }
                deals.append(bookingId);
                DealLine deal = firstLine.get(f.employeeId() + '\u0000' + bookingId);
                if (deal != null) {
                    deals.append(" · ").append(orNa(deal.booking() == null ? null : deal.booking().accountName()))
                            .append(" · booked ").append(deal.line().bookingDate())
                            .append(" · ").append(Formats.money(deal.line().amountBase()));
                    if (deal.line().cancelledDate() != null) {
                        deals.append(" · cancelled ").append(deal.line().cancelledDate());
                    }
                }
            }
            Map<String, Object> row = new HashMap<>();
            row.put("flag", f.flag() == FlagType.PERIOD_END_PULL_IN ? "Period-end pull-in" : "Cancelled after credit");
            row.put("rep", Formats.person(names.get(f.employeeId()), f.employeeId()));
            row.put("team", teamName(Optional.ofNullable(f.teamId())));
            row.put("period", f.period().start() + " – " + f.period().end());
            row.put("amount", Formats.money(f.amount()));
            row.put("deals", deals.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One streaming pass over the deals, keeping the first original line of each flagged booking. */
    private Map<String, DealLine> flaggedDeals(List<Flag> flags, Map<String, String> names) {
        Map<String, DealLine> found = new HashMap<>();
        if (flags.isEmpty()) {
            return found;
        }
        Set<String> wanted = new HashSet<>();
        Set<String> bookings = new HashSet<>();
        flags.forEach(f -> f.bookingIds().forEach(b -> {
            wanted.add(f.employeeId() + '\u0000' + b);
            bookings.add(b);
        }));
        packet.deals().forEachOfBookings(bookings, deal -> {
            String key = deal.line().employeeId() + '\u0000' + deal.line().bookingId();
            if (!deal.line().reversal() && wanted.contains(key)) {
                found.putIfAbsent(key, deal);
                if (deal.employeeName() != null) {
                    names.putIfAbsent(deal.line().employeeId(), deal.employeeName());
                }
            }
        });
        return found;
    }

    private String teamName(Optional<String> teamId) {
        return teamId.map(id -> packet.teamNames().getOrDefault(id, id)).orElse(Formats.NA);
    }

    private static String orNa(String text) {
        return text == null || text.isBlank() ? Formats.NA : text;
    }

    private static JRMapCollectionDataSource source(List<Map<String, ?>> rows) {
        return new JRMapCollectionDataSource(rows);
    }
}
