package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Ids;
import com.salesops.packets.source.Membership;
import com.salesops.packets.source.MembershipRole;
import com.salesops.packets.source.Org;
import com.salesops.packets.source.Team;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The numbers of docs/numbers.md §3–7 for one run: quotas up front, then credit lines streamed one booking
 * at a time into per-node totals (memory grows with the org, not with the lines), then rows, ranks
 * and flags.
 */
public final class AttainmentCalculator {

    static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Window[] WINDOWS = Window.values();

    /** Running totals of one node in one window. */
    private static final class Tally {
        BigDecimal credited = Quotas.ZERO;
        int deals;
    }

    /** The latest line of an employee in the YEAR window, for the rep-row team of someone without a membership. */
    private record Latest(LocalDate date, String teamId) {
    }

    private final RunPlan plan;
    private final Org org;
    private final AttainmentSettings settings;
    private final Quotas quotas;
    private final Map<Window, Period> windows = new EnumMap<>(Window.class);
    private final Map<String, List<String>> selfAndAncestors = new HashMap<>();
    private final Map<String, Tally[]> reps = new HashMap<>();
    private final Map<String, Tally[]> teams = new HashMap<>();
    private final Map<String, Latest> latestLineInYear = new HashMap<>();
    /** Per node, credit per month of the YEAR window (index 0 = the fiscal year's first month). */
    private final Map<String, BigDecimal[]> repMonths = new HashMap<>();
    private final Map<String, BigDecimal[]> teamMonths = new HashMap<>();
    private final Flags flags;

    /**
     * Builds quotas up front.
     *
     * @throws com.salesops.packets.source.DataProblemException when a quota's currency has no rate at
     *                                                          or before its month
     */
    public AttainmentCalculator(RunPlan plan, Org org, AttainmentSettings settings) {
        this.plan = plan;
        this.org = org;
        this.settings = settings;
        this.quotas = new Quotas(org, settings.proratePartialMonths());
        for (Window w : WINDOWS) {
            windows.put(w, plan.window(w));
        }
        this.flags = new Flags(plan, settings);
    }

    /** Takes all credit lines of one booking (deal counts are per booking). */
    public void accept(List<CreditLine> linesOfOneBooking) {
        Set<String> repDeals = new HashSet<>();
        Set<String> teamDeals = new HashSet<>();
        for (CreditLine line : linesOfOneBooking) {
            flags.accept(line);
            if (windows.get(Window.YEAR).contains(line.lineDate())) {
                latestLineInYear.merge(line.employeeId(), new Latest(line.lineDate(), line.teamId()),
                        AttainmentCalculator::later);
            }
            monthly(line);
            boolean counts = !line.reversal() && line.amountBase().signum() > 0;
            for (Window w : WINDOWS) {
                if (!windows.get(w).contains(line.lineDate())) {
                    continue;
                }
                int i = w.ordinal();
                Tally rep = tally(reps, line.employeeId())[i];
                rep.credited = rep.credited.add(line.amountBase());
                if (counts && repDeals.add(line.employeeId() + '\u0000' + i)) {
                    rep.deals++;
                }
                if (line.isPrimary()) {
                    // A team's totals hold its subtree's PRIMARY lines; one deal per booking per team.
                    for (String team : selfAndAncestors(line.teamId())) {
                        Tally t = tally(teams, team)[i];
                        t.credited = t.credited.add(line.amountBase());
                        if (counts && teamDeals.add(team + '\u0000' + i)) {
                            t.deals++;
                        }
                    }
                }
            }
        }
    }

    public AttainmentResults finish() {
        List<NodeResult> rows = new ArrayList<>();
        Map<String, Optional<String>> repRowTeams = new HashMap<>();
        Set<String> repIds = repRowEmployees();
        for (Window w : WINDOWS) {
            Period full = plan.fullPeriod(w);
            BigDecimal expected = BigDecimal.valueOf(ChronoUnit.DAYS.between(full.start(), plan.asOf()) + 1)
                    .multiply(HUNDRED).divide(BigDecimal.valueOf(full.days()), MC);
            for (Team team : org.teams().values()) {
                rows.add(teamRow(w, full, expected, team));
            }
            List<NodeResult> repRows = new ArrayList<>();
            for (String id : repIds) {
                RepPlacement placement = placement(id);
                repRowTeams.put(id, placement.teamId());
                repRows.add(repRow(w, full, expected, id, placement));
            }
            rows.addAll(Ranking.rank(repRows));
        }
        rows.sort(ResultOrder.ROWS);
        List<Flag> flagRows = flags.finish(id -> repRowTeams.getOrDefault(id, Optional.empty()));
        return new AttainmentResults(rows, flagRows, monthFigures(repIds));
    }

    /** A line's credit in its month of the YEAR window: all lines for the employee, PRIMARY for the teams. */
    private void monthly(CreditLine line) {
        Period year = windows.get(Window.YEAR);
        if (!year.contains(line.lineDate())) {
            return;
        }
        int i = (int) ChronoUnit.MONTHS.between(YearMonth.from(year.start()), YearMonth.from(line.lineDate()));
        add(repMonths, line.employeeId(), i, line.amountBase());
        if (line.isPrimary()) {
            for (String team : selfAndAncestors(line.teamId())) {
                add(teamMonths, team, i, line.amountBase());
            }
        }
    }

    private void add(Map<String, BigDecimal[]> months, String id, int index, BigDecimal amount) {
        BigDecimal[] m = months.computeIfAbsent(id, k -> {
            BigDecimal[] zero = new BigDecimal[Quotas.months(windows.get(Window.YEAR)).size()];
            Arrays.fill(zero, Quotas.ZERO);
            return zero;
        });
        m[index] = m[index].add(amount);
    }

    /** Every rep row's and team's month figures, fiscal year start .. the month of D. */
    private List<MonthFigure> monthFigures(Set<String> repIds) {
        List<MonthFigure> figures = new ArrayList<>();
        List<YearMonth> months = Quotas.months(windows.get(Window.YEAR));
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            Period month = new Period(m.atDay(1), m.atEndOfMonth());
            for (Team team : org.teams().values()) {
                figures.add(new MonthFigure(Level.TEAM, team.id(), month.start(), Optional.of(quotas.team(team.id(), month)),
                        credit(teamMonths, team.id(), i)));
            }
            for (String id : repIds) {
                figures.add(new MonthFigure(Level.REP, id, month.start(), quotas.rep(id, month), credit(repMonths, id, i)));
            }
        }
        return figures;
    }

    private static BigDecimal credit(Map<String, BigDecimal[]> months, String id, int index) {
        BigDecimal[] m = months.get(id);
        return m == null ? Quotas.ZERO : m[index];
    }

    private NodeResult teamRow(Window w, Period full, BigDecimal expected, Team team) {
        Tally t = tally(teams, team.id())[w.ordinal()];
        BigDecimal quota = quotas.team(team.id(), full);
        BigDecimal sumOfReps = quotas.sumOfRepQuotas(team.id(), full);
        // docs/numbers.md §3, as sales ops use the word: positive when the reps together carry more than the
        // team's number.
        Optional<BigDecimal> overAssignment = quota.signum() == 0 ? Optional.empty()
                : Optional.of(sumOfReps.divide(quota, MC).subtract(BigDecimal.ONE).multiply(HUNDRED));
        return NodeResult.team(w, full, team.id(), team.name(), Optional.ofNullable(team.parentId()),
                figures(Optional.of(quota), t, expected), new TeamSpread(Optional.of(sumOfReps), overAssignment));
    }

    private NodeResult repRow(Window w, Period full, BigDecimal expected, String id, RepPlacement placement) {
        Tally t = tally(reps, id)[w.ordinal()];
        Figures figures = figures(quotas.rep(id, full), t, expected);
        Optional<BigDecimal> quota = figures.quota();
        Optional<BigDecimal> attainment = figures.attainmentPct();
        CompPlan compPlan = settings.planOf(id);
        int months = Quotas.months(full).size();
        String name = org.employee(id).map(Employee::fullName).orElse(id);
        return NodeResult.rep(w, full, id, name, placement.teamId(), figures, RepStanding.beforeRanking(
                Optional.of(Comp.estimate(compPlan, months, attainment)), Comp.currentTier(compPlan, attainment),
                quota.flatMap(q -> Comp.creditToNextTier(compPlan, attainment, q, t.credited)),
                placement.eligible()));
    }

    /** A node's figures in one window (docs/numbers.md §4), all following from its quota and credit. */
    private Figures figures(Optional<BigDecimal> quota, Tally t, BigDecimal expected) {
        Optional<BigDecimal> attainment = attainment(t.credited, quota);
        return new Figures(quota, t.credited, attainment, expected, pace(attainment, expected),
                paceStatus(attainment, expected), projected(attainment, expected),
                quota.map(q -> gap(q, t.credited)), t.deals);
    }

    /** Employees with a membership overlapping the YEAR window or a line dated in it. */
    private Set<String> repRowEmployees() {
        Set<String> ids = new TreeSet<>(Ids.ORDER);
        Period year = windows.get(Window.YEAR);
        for (Membership m : org.memberships()) {
            if (m.overlaps(year) && org.employee(m.employeeId()).isPresent()) {
                ids.add(m.employeeId());
            }
        }
        ids.addAll(latestLineInYear.keySet());
        return ids;
    }

    private record RepPlacement(Optional<String> teamId, boolean eligible) {
    }

    /** The rep-row team and ranking eligibility (docs/numbers.md §5). */
    private RepPlacement placement(String employeeId) {
        LocalDate asOf = plan.asOf();
        Comparator<Membership> latest = Comparator.comparing(Membership::validFrom)
                .thenComparing(Membership::teamId, Ids.ORDER);
        Optional<Membership> onD = org.membershipsOf(employeeId).stream().filter(m -> m.covers(asOf)).max(latest);
        if (onD.isPresent()) {
            boolean terminated = org.employee(employeeId).map(e -> e.terminatedOnOrBefore(asOf)).orElse(true);
            return new RepPlacement(Optional.of(onD.get().teamId()), onD.get().role() == MembershipRole.REP && !terminated);
        }
        Optional<Membership> inYear = org.membershipsOf(employeeId).stream()
                .filter(m -> m.overlaps(windows.get(Window.YEAR))).max(latest);
        if (inYear.isPresent()) {
            return new RepPlacement(Optional.of(inYear.get().teamId()), false);
        }
        return new RepPlacement(Optional.ofNullable(latestLineInYear.get(employeeId)).map(Latest::teamId), false);
    }

    static Optional<BigDecimal> attainment(BigDecimal credited, Optional<BigDecimal> quota) {
        if (quota.isEmpty() || quota.get().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(credited.multiply(HUNDRED).divide(quota.get(), MC));
    }

    private static Optional<BigDecimal> pace(Optional<BigDecimal> attainment, BigDecimal expected) {
        return attainment.map(a -> a.divide(expected, MC));
    }

    private static Optional<BigDecimal> projected(Optional<BigDecimal> attainment, BigDecimal expected) {
        return attainment.map(a -> a.multiply(HUNDRED).divide(expected, MC));
    }

    /** Compared as printed: the pace index rounded HALF_UP to 2 decimals. */
    private Optional<PaceStatus> paceStatus(Optional<BigDecimal> attainment, BigDecimal expected) {
        return pace(attainment, expected).map(p -> {
            BigDecimal printed = p.setScale(2, RoundingMode.HALF_UP);
            if (printed.compareTo(settings.onPaceThreshold()) >= 0) {
                return PaceStatus.ON_PACE;
            }
            return printed.compareTo(settings.atRiskThreshold()) >= 0 ? PaceStatus.AT_RISK : PaceStatus.BEHIND;
        });
    }

    private static BigDecimal gap(BigDecimal quota, BigDecimal credited) {
        BigDecimal gap = quota.subtract(credited);
        return gap.signum() > 0 ? gap.setScale(2, RoundingMode.HALF_UP) : Quotas.ZERO;
    }

    private static Tally[] tally(Map<String, Tally[]> map, String id) {
        return map.computeIfAbsent(id, k -> new Tally[] {new Tally(), new Tally(), new Tally()});
    }

    private List<String> selfAndAncestors(String teamId) {
        return selfAndAncestors.computeIfAbsent(teamId, id -> {
            Set<String> chain = new LinkedHashSet<>();
            String current = id;
            // The org is validated acyclic; the set still stops a walk that would loop.
            while (current != null && chain.add(current)) {
                current = org.team(current).map(Team::parentId).orElse(null);
            }
            return List.copyOf(chain);
        });
    }

    private static Latest later(Latest a, Latest b) {
        int c = b.date().compareTo(a.date());
        return c > 0 || (c == 0 && Ids.ORDER.compare(b.teamId(), a.teamId()) > 0) ? b : a;
    }
}
