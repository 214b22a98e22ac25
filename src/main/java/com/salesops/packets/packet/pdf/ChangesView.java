package com.salesops.packets.packet.pdf;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.changes.ChangeFigures;
import com.salesops.packets.changes.ChangeKind;
import com.salesops.packets.changes.ChangeSentences;
import com.salesops.packets.changes.ChangedLine;
import com.salesops.packets.changes.NodeChange;
import com.salesops.packets.changes.PacketChanges;
import com.salesops.packets.packet.Packet;
import com.salesops.packets.support.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The "Since &lt;previous run&gt;" section of the PDF (reports/changes.jrxml) and page 1's line
 * on the MONTH attainment change: the packet's changes (docs/numbers.md §10), already limited to its subtree.
 */
final class ChangesView {

    /** New deal lines and cancellations listed each, the largest; the rest are counted. */
    static final int MAX_LISTED_NEW = 25;
    /** Restated bookings listed at most (every one, unless a mass restatement, e.g. a rate change). */
    static final int MAX_LISTED_RESTATED = 500;

    private static final String[] NODE_HEAD = {"", "New credit", "New deals", "Cancellations", "Restated credit",
        "Restated deals", "MONTH att. Δ", "QUARTER att. Δ", "YEAR att. Δ"};
    private static final String[] DEAL_HEAD = {"Change", "Booking", "Account", "Rep", "Team", "Dated", "Before",
        "After", "Difference"};

    private final Packet packet;
    private final PacketChanges changes;
    private final int maxListedReps;
    private final Map<String, String> repNames = new HashMap<>();
    private final List<Map<String, ?>> rows = new ArrayList<>();

    private ChangesView(Packet packet, int maxListedReps) {
        this.packet = packet;
        this.changes = packet.changes();
        this.maxListedReps = maxListedReps;
        packet.repRows().forEach(r -> repNames.putIfAbsent(r.nodeId(), r.nodeName()));
    }

    /** CHANGES_TITLE, CHANGES_REPORT, CHANGES_DS and MONTH_CHANGE_LINE of packet.jrxml. */
    static Map<String, Object> parameters(Packet packet, JasperReport template, int maxListedReps) {
        ChangesView view = new ChangesView(packet, maxListedReps);
        Map<String, Object> p = new HashMap<>();
        p.put("CHANGES_TITLE", packet.changes().previousRunKey().map(k -> "Since " + k)
                .orElse("Since the previous packet"));
        // A first run has nothing to list: page 1 already says there is no earlier packet, so no section.
        p.put("HAS_CHANGES", packet.changes().compared());
        p.put("CHANGES_REPORT", template);
        p.put("CHANGES_DS", new JRMapCollectionDataSource(view.rows()));
        p.put("MONTH_CHANGE_LINE", view.monthLine());
        return p;
    }

    /** Page 1: "Since nightly-2026-11-25: MONTH attainment −3.33 pts (33.33 % → 30.00 %) …". */
    String monthLine() {
        if (!changes.compared() || changes.team().isEmpty()) {
            return ChangeSentences.noPrevious(packet.plan().type());
        }
        String since = "Since " + changes.previousRunKey().orElseThrow() + ": MONTH attainment ";
        Optional<BigDecimal> change = changes.team().get().attainmentChange(Window.MONTH);
        Optional<BigDecimal> now = packet.teamRow(Window.MONTH).attainmentPct().map(Decimals::round2);
        if (change.isEmpty() || now.isEmpty()) {
            return since + "change n/a (no quota in one of the two runs, or a new month)."
                    + " What changed: the section after this page.";
        }
        BigDecimal before = now.get().subtract(change.get());
        return since + ChangeSentences.points(change) + " (" + Formats.pct(before) + " → " + Formats.pct(now.get())
                + "). What changed: the section after this page.";
    }

    private List<Map<String, ?>> rows() {
        if (!changes.compared()) {
            note(ChangeSentences.noPrevious(packet.plan().type()));
            return rows;
        }
        String previous = changes.previousRunKey().orElseThrow();
        LocalDate dp = changes.previousAsOf().orElseThrow();
        note("New = dated after " + dp + " (since " + previous + "). Restated = dated on or before " + dp
                + " and different from what " + previous + " showed (a late or backdated booking, a changed split,"
                + " amount or rate, a cancellation dated back). Attainment change in percentage points. Highlighted:"
                + " restated amounts dated in a month that was already closed on " + dp + ".");

        title("This team" + (changes.teams().size() > 1 ? " and the teams reporting to it" : ""));
        head("Team");
        for (NodeChange c : changes.teams()) {
            nodeRow(packet.teamNames().getOrDefault(c.nodeId(), c.nodeId()), c);
        }

        List<NodeChange> reps = changes.reps();
        if (reps.size() > maxListedReps) {
            reps = reps.stream().sorted(Comparator.comparing(ChangesView::movement).reversed()
                    .thenComparing(NodeChange::nodeId)).limit(maxListedReps).toList();
            title("Reps (the " + maxListedReps + " of " + changes.reps().size()
                    + " whose credit moved most; every rep on the workbook's Changes sheet)");
        } else {
            title("Reps");
        }
        head("Rep (team)");
        for (NodeChange c : reps) {
            String team = c.teamId().map(t -> packet.teamNames().getOrDefault(t, t)).orElse(Formats.NA);
            nodeRow(Formats.person(repNames.get(c.nodeId()), c.nodeId()) + " (" + team + ")", c);
        }

        title("New deals and cancellations (largest first)");
        long newCount = changes.lines().count(ChangeKind.NEW);
        long cancelledCount = changes.lines().count(ChangeKind.CANCELLED);
        if (newCount + cancelledCount == 0) {
            note("No new deal and no cancellation since " + previous + ".");
        } else {
            dealHead();
            deals(ChangeKind.NEW, MAX_LISTED_NEW, newCount, "new deal lines");
            deals(ChangeKind.CANCELLED, MAX_LISTED_NEW, cancelledCount, "cancellations");
        }

        title("Restated bookings (amount before and after, per rep)");
        long restated = changes.lines().count(ChangeKind.RESTATED);
        if (restated == 0) {
            note("Nothing restated: every line dated on or before " + dp + " is as " + previous + " showed it.");
        } else {
            dealHead();
            deals(ChangeKind.RESTATED, MAX_LISTED_RESTATED, restated, "restated bookings");
        }
        return rows;
    }

    private void deals(ChangeKind kind, int limit, long count, String what) {
        for (ChangedLine l : changes.lines().largest(kind, limit)) {
            Map<String, Object> row = cells("deal", label(l), l.deal().bookingId(), orNa(l.deal().accountName()),
                    Formats.person(repNames.get(l.deal().employeeId()), l.deal().employeeId()),
                    packet.teamNames().getOrDefault(l.deal().teamId(), l.deal().teamId()), l.lineDate().toString(),
                    l.before().map(Formats::money).orElse("—"), l.after().map(Formats::money).orElse("—"),
                    ChangeSentences.signed(l.delta()));
            row.put("highlight", l.inClosedPeriod());
            rows.add(row);
        }
        if (count > limit) {
            note(String.format(Locale.US, "… and %,d more %s: every one on the workbook's Changes sheet.", count - limit,
                    what));
        }
    }

    private static String label(ChangedLine l) {
        return switch (l.kind()) {
            case NEW -> "New";
            case CANCELLED -> "Cancelled";
            case RESTATED -> l.inClosedPeriod() ? "Restated · closed month" : "Restated";
        };
    }

    private static BigDecimal movement(NodeChange c) {
        return c.figures().newCredit().abs().add(c.figures().restatedCredit().abs());
    }

    private void nodeRow(String name, NodeChange c) {
        ChangeFigures f = c.figures();
        rows.add(cells("row", name, ChangeSentences.signed(f.newCredit()), Integer.toString(f.newDeals()),
                Integer.toString(f.cancelledDeals()), ChangeSentences.signed(f.restatedCredit()),
                Integer.toString(f.restatedDeals()), ChangeSentences.points(c.attainmentChange(Window.MONTH)),
                ChangeSentences.points(c.attainmentChange(Window.QUARTER)),
                ChangeSentences.points(c.attainmentChange(Window.YEAR))));
    }

    private void head(String first) {
        String[] head = NODE_HEAD.clone();
        head[0] = first;
        rows.add(cells("head", head));
    }

    private void dealHead() {
        rows.add(cells("dhead", DEAL_HEAD));
    }

    private void title(String text) {
        rows.add(cells("title", text));
    }

    private void note(String text) {
        rows.add(cells("note", text));
    }

    private static Map<String, Object> cells(String kind, String... values) {
        Map<String, Object> row = new HashMap<>();
        row.put("kind", kind);
        for (int i = 0; i < values.length; i++) {
            row.put("c" + (i + 1), values[i]);
        }
        row.put("highlight", Boolean.FALSE);
        return row;
    }

    private static String orNa(String text) {
        return text == null || text.isBlank() ? Formats.NA : text;
    }
}
