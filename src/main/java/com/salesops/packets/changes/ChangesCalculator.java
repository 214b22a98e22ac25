package com.salesops.packets.changes;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.ResultOrder;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.StoredLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The figures of docs/numbers.md §10 from both runs' credit lines, one booking at a time (the two runs'
 * streams merged), and the attainment change from both runs' results. For an employee all of
 * the employee's lines count; for a team the PRIMARY lines whose line team is in its subtree.
 * Memory holds one accumulator per node and the lines of one booking.
 */
public final class ChangesCalculator {

    static final Comparator<NodeChange> CSV_ORDER = Comparator.comparing(NodeChange::level)
            .thenComparing(NodeChange::nodeId, ResultOrder.CODE_POINT);

    private final LocalDate previousAsOf;
    private final Optional<Period> common;
    private final LocalDate closedUpTo;
    private final Map<String, String> parents;
    private final Map<String, List<String>> ancestors = new HashMap<>();
    private final Map<String, Totals> employees = new HashMap<>();
    private final Map<String, Totals> teams = new HashMap<>();
    private final Consumer<ChangedLine> changedLines;

    /**
     * @param previousAsOf Dp, the previous run's as-of
     * @param common       C, the span both runs reported (empty when this run starts reading after Dp)
     * @param parents      team id → parent team id (the root absent), this run's hierarchy
     * @param changedLines receives every new, cancelled and restated deal line as it is found
     */
    public ChangesCalculator(LocalDate previousAsOf, Optional<Period> common, Map<String, String> parents,
                             Consumer<ChangedLine> changedLines) {
        this.previousAsOf = Objects.requireNonNull(previousAsOf, "previousAsOf");
        this.common = Objects.requireNonNull(common, "common");
        this.parents = Map.copyOf(parents);
        this.changedLines = Objects.requireNonNull(changedLines, "changedLines");
        this.closedUpTo = lastClosedDay(previousAsOf);
    }

    /** The last day of the latest month closed at {@code asOf} (a month is closed when its last day ≤ asOf). */
    static LocalDate lastClosedDay(LocalDate asOf) {
        return asOf.getDayOfMonth() == asOf.lengthOfMonth() ? asOf : asOf.withDayOfMonth(1).minusDays(1);
    }

    /**
     * Adds both runs' lines: {@code current} holds this run's lines dated in C or after Dp,
     * {@code previous} the previous run's lines dated in C, both in {@code StoredLine.ORDER}.
     */
    public void accept(Iterator<StoredLine> current, Iterator<StoredLine> previous) {
        BookingLines.merge(current, previous, this::accept);
    }

    private void accept(BookingLines booking) {
        if (unchanged(booking)) {
            // nearly every booking of a nightly: nothing to add, and no sets or maps made for it
            // (docs/performance.md, "Changes since the last run, beside the results")
            return;
        }
        Map<String, List<StoredLine>> currentByEmployee = byEmployee(booking.current());
        Map<String, List<StoredLine>> previousByEmployee = byEmployee(booking.previous());
        Set<String> people = new HashSet<>(currentByEmployee.keySet());
        people.addAll(previousByEmployee.keySet());
        for (String employee : people) {
            employee(employee, currentByEmployee.getOrDefault(employee, List.of()),
                    previousByEmployee.getOrDefault(employee, List.of()));
        }
        teams(booking);
    }

    /**
     * Whether both runs hold the same lines of the booking (all of their fields) and none is dated after
     * the previous as-of: then it adds nothing to any figure (its common-span sums and line sets are equal
     * for every employee and team, and it has no new line) and makes no changed line.
     */
    private boolean unchanged(BookingLines booking) {
        List<StoredLine> current = booking.current();
        List<StoredLine> previous = booking.previous();
        if (current.size() != previous.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            CreditLine line = current.get(i).line();
            if (isNew(line) || !line.equals(previous.get(i).line())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<StoredLine>> byEmployee(List<StoredLine> lines) {
        Map<String, List<StoredLine>> by = new LinkedHashMap<>();
        lines.forEach(l -> by.computeIfAbsent(l.line().employeeId(), k -> new ArrayList<>(2)).add(l));
        return by;
    }

    /** One employee's lines of one booking in both runs. */
    private void employee(String employeeId, List<StoredLine> current, List<StoredLine> previous) {
        Totals totals = employees.computeIfAbsent(employeeId, k -> new Totals());
        boolean newDeal = false;
        boolean cancelled = false;
        for (StoredLine s : current) {
            CreditLine l = s.line();
            if (isNew(l)) {
                totals.newCredit = totals.newCredit.add(l.amountBase());
                newDeal |= !l.reversal();
                cancelled |= l.reversal();
                changedLines.accept(new ChangedLine(l.reversal() ? ChangeKind.CANCELLED : ChangeKind.NEW,
                        deal(s, Optional.empty()), l.lineDate(), Optional.empty(), Optional.of(l.amountBase()), false));
            }
        }
        totals.newDeals += newDeal ? 1 : 0;
        totals.cancelledDeals += cancelled ? 1 : 0;

        List<StoredLine> after = inCommon(current);
        List<StoredLine> before = inCommon(previous);
        Optional<BigDecimal> afterSum = sum(after);
        Optional<BigDecimal> beforeSum = sum(before);
        totals.restatedCredit = totals.restatedCredit.add(afterSum.orElse(BigDecimal.ZERO))
                .subtract(beforeSum.orElse(BigDecimal.ZERO));
        Set<LineId> afterIds = ids(after);
        Set<LineId> beforeIds = ids(before);
        if (!afterIds.equals(beforeIds)) {
            totals.restatedDeals++;
            LocalDate earliest = null;
            boolean closed = false;
            for (LineId id : difference(afterIds, beforeIds)) {
                earliest = earliest == null || id.date().isBefore(earliest) ? id.date() : earliest;
                closed |= !id.date().isAfter(closedUpTo);
            }
            StoredLine shown = after.isEmpty() ? before.get(0) : after.get(0);
            Optional<String> previousTeam = before.isEmpty() || before.get(0).line().teamId().equals(shown.line().teamId())
                    ? Optional.empty() : Optional.of(before.get(0).line().teamId());
            changedLines.accept(new ChangedLine(ChangeKind.RESTATED, deal(shown, previousTeam), earliest, beforeSum,
                    afterSum, closed));
        }
    }

    /** The PRIMARY lines of one booking, for every team whose subtree holds their line team. */
    private void teams(BookingLines booking) {
        Set<String> newDeal = new HashSet<>();
        Set<String> cancelled = new HashSet<>();
        Map<String, Set<LineId>> after = new HashMap<>();
        Map<String, Set<LineId>> before = new HashMap<>();
        for (StoredLine s : booking.current()) {
            CreditLine l = s.line();
            if (!l.isPrimary()) {
                continue;
            }
            for (String team : ancestors(l.teamId())) {
                Totals totals = teams.computeIfAbsent(team, k -> new Totals());
                if (isNew(l)) {
                    totals.newCredit = totals.newCredit.add(l.amountBase());
                    (l.reversal() ? cancelled : newDeal).add(team);
                } else if (inCommon(l)) {
                    totals.restatedCredit = totals.restatedCredit.add(l.amountBase());
                    after.computeIfAbsent(team, k -> new HashSet<>()).add(LineId.of(l));
                }
            }
        }
        for (StoredLine s : booking.previous()) {
            CreditLine l = s.line();
            if (!l.isPrimary() || !inCommon(l)) {
                continue;
            }
            for (String team : ancestors(l.teamId())) {
                Totals totals = teams.computeIfAbsent(team, k -> new Totals());
                totals.restatedCredit = totals.restatedCredit.subtract(l.amountBase());
                before.computeIfAbsent(team, k -> new HashSet<>()).add(LineId.of(l));
            }
        }
        newDeal.forEach(t -> teams.get(t).newDeals++);
        cancelled.forEach(t -> teams.get(t).cancelledDeals++);
        Set<String> compared = new HashSet<>(after.keySet());
        compared.addAll(before.keySet());
        for (String team : compared) {
            if (!after.getOrDefault(team, Set.of()).equals(before.getOrDefault(team, Set.of()))) {
                teams.get(team).restatedDeals++;
            }
        }
    }

    /**
     * One row per TEAM and REP row of this run's YEAR window, TEAM before REP, then node id; zeros
     * where nothing changed. The attainment change of a window is this run's printed attainment
     * minus the previous run's, when both are defined for the same full period.
     */
    public List<NodeChange> finish(List<NodeResult> currentRows, List<NodeResult> previousRows) {
        Map<String, NodeResult> previousByKey = new HashMap<>();
        previousRows.forEach(r -> previousByKey.put(key(r), r));
        Map<String, Map<Window, BigDecimal>> changes = new HashMap<>();
        for (NodeResult r : currentRows) {
            NodeResult p = previousByKey.get(key(r));
            if (p != null && p.period().start().equals(r.period().start()) && r.attainmentPct().isPresent()
                    && p.attainmentPct().isPresent()) {
                changes.computeIfAbsent(r.level() + "\u0000" + r.nodeId(), k -> new EnumMap<>(Window.class))
                        .put(r.window(), printed(r.attainmentPct().get()).subtract(printed(p.attainmentPct().get())));
            }
        }
        List<NodeChange> rows = new ArrayList<>();
        for (NodeResult r : currentRows) {
            if (r.window() != Window.YEAR) {
                continue;
            }
            Totals totals = (r.level() == Level.TEAM ? teams : employees).get(r.nodeId());
            rows.add(new NodeChange(r.level(), r.nodeId(), r.teamId(),
                    totals == null ? ChangeFigures.NONE : totals.figures(),
                    changes.getOrDefault(r.level() + "\u0000" + r.nodeId(), Map.of())));
        }
        rows.sort(CSV_ORDER);
        return rows;
    }

    private static String key(NodeResult r) {
        return r.window() + "\u0000" + r.level() + "\u0000" + r.nodeId();
    }

    private static BigDecimal printed(BigDecimal pct) {
        return pct.setScale(2, RoundingMode.HALF_UP);
    }

    private boolean isNew(CreditLine l) {
        return l.lineDate().isAfter(previousAsOf);
    }

    private boolean inCommon(CreditLine l) {
        return common.isPresent() && common.get().contains(l.lineDate());
    }

    private List<StoredLine> inCommon(List<StoredLine> lines) {
        return lines.stream().filter(s -> inCommon(s.line())).toList();
    }

    private static Optional<BigDecimal> sum(List<StoredLine> lines) {
        return lines.stream().map(s -> s.line().amountBase()).reduce(BigDecimal::add);
    }

    private static Set<LineId> ids(List<StoredLine> lines) {
        Set<LineId> ids = new HashSet<>();
        lines.forEach(s -> ids.add(LineId.of(s.line())));
        return ids;
    }

    private static Set<LineId> difference(Set<LineId> a, Set<LineId> b) {
        Set<LineId> d = new HashSet<>(a);
        d.addAll(b);
        Set<LineId> both = new HashSet<>(a);
        both.retainAll(b);
        d.removeAll(both);
        return d;
    }

    private static ChangedDeal deal(StoredLine s, Optional<String> previousTeam) {
        CreditLine l = s.line();
        return new ChangedDeal(l.bookingId(), s.accountName(), l.employeeId(), l.role(), l.teamId(), previousTeam);
    }

    /** A team and every team above it; a team no longer in the hierarchy counts for itself only. */
    private List<String> ancestors(String teamId) {
        return ancestors.computeIfAbsent(teamId, id -> {
            List<String> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String t = id; t != null && seen.add(t); t = parents.get(t)) {
                chain.add(t);
            }
            return List.copyOf(chain);
        });
    }

    /**
     * A line as docs/numbers.md §10 compares them: (reversal, line_date, amount), and, for team figures
     * where several reps' lines of a booking meet, the employee.
     */
    private record LineId(String employeeId, boolean reversal, LocalDate date, BigDecimal amount) {
        static LineId of(CreditLine l) {
            return new LineId(l.employeeId(), l.reversal(), l.lineDate(), l.amountBase());
        }
    }

    private static final class Totals {
        BigDecimal newCredit = BigDecimal.ZERO.setScale(2);
        BigDecimal restatedCredit = BigDecimal.ZERO.setScale(2);
        int newDeals;
        int cancelledDeals;
        int restatedDeals;

        ChangeFigures figures() {
            return new ChangeFigures(newCredit, restatedCredit, newDeals, cancelledDeals, restatedDeals);
        }
    }
}
