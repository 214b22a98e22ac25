package com.salesops.packets.packet.pdf;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.MonthFigure;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.packet.Packet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The PDF's trend table: attainment month by month over the fiscal year so far (up to twelve
 * columns), the team first, then its direct child teams, then the reps by name. A packet with more
 * reps than the PDF lists shows the teams only; every rep's months are on the workbook's Trend sheet.
 */
final class TrendView {

    static final int MONTH_COLUMNS = 12;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.US);

    private final Packet packet;
    private final boolean teamsOnly;

    TrendView(Packet packet, boolean teamsOnly) {
        this.packet = packet;
        this.teamsOnly = teamsOnly;
    }

    String title() {
        return "Trend: attainment by month, fiscal year so far (" + packet.baseCurrency() + " figures on the workbook's"
                + " Trend sheet" + (teamsOnly ? "; teams only here, every rep there" : "") + ")";
    }

    List<Map<String, ?>> rows() {
        Map<String, List<MonthFigure>> byNode = new LinkedHashMap<>();
        for (MonthFigure m : packet.trend()) {
            byNode.computeIfAbsent(m.level() + "\u0000" + m.nodeId(), k -> new ArrayList<>()).add(m);
        }
        List<LocalDate> all = new ArrayList<>(new TreeSet<>(packet.trend().stream().map(MonthFigure::month).toList()));
        List<LocalDate> months = all.subList(Math.max(0, all.size() - MONTH_COLUMNS), all.size());
        Map<String, String> names = new HashMap<>();
        packet.repRows().forEach(r -> names.putIfAbsent(r.nodeId(), r.nodeName()));
        List<Map<String, ?>> rows = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        teams.add(packet.team().id());
        teams.addAll(packet.directChildTeamIds());
        for (String team : teams) {
            List<MonthFigure> figures = byNode.get(Level.TEAM + "\u0000" + team);
            if (figures != null) {
                rows.add(row(Views.orNa(packet.teamNames().get(team)), true, figures, months));
            }
        }
        if (!teamsOnly) {
            packet.repRows().stream().map(NodeResult::nodeId).distinct()
                    .sorted(Comparator.comparing((String id) -> Views.orNa(names.get(id))).thenComparing(id -> id))
                    .forEach(id -> {
                        List<MonthFigure> figures = byNode.get(Level.REP + "\u0000" + id);
                        if (figures != null) {
                            rows.add(row(Formats.person(names.get(id), id) + " (" + id + ")", false, figures, months));
                        }
                    });
        }
        return rows;
    }

    private static Map<String, ?> row(String name, boolean team, List<MonthFigure> figures, List<LocalDate> months) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("team", team);
        Map<LocalDate, MonthFigure> byMonth = new HashMap<>();
        figures.forEach(f -> byMonth.put(f.month(), f));
        for (int i = 0; i < MONTH_COLUMNS; i++) {
            LocalDate month = i < months.size() ? months.get(i) : null;
            row.put("h" + (i + 1), month == null ? "" : MONTH.format(month));
            MonthFigure f = month == null ? null : byMonth.get(month);
            row.put("m" + (i + 1), f == null ? "" : Formats.pct(f.attainmentPct()));
        }
        return row;
    }
}
