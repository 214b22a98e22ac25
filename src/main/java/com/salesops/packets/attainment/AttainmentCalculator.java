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
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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

    /**
     * Running totals of one node in one window. The credit is summed in cents, exactly, while it fits a
     * long (every amount has 2 decimals), and as a BigDecimal beyond: the same sum as adding the
     * BigDecimals, without an object per addition (docs/performance.md, "The compute step's pass").
     */
    private static final class Tally {
        final Sum credited = new Sum();
        int deals;
        /** The last booking counted in {@link #deals}: one deal per booking per node and window. */
        int dealBooking;
    }

    /** One employee's running state: a tally per window, credit per month, the latest line in the year. */
    private static final class RepState {
        final Tally[] tallies = newTallies();
        final Sum[] months;
        Latest latestInYear;

        RepState(int months) {
            this.months = newSums(months);
        }
    }

    /** One team's running state: a tally per window (its subtree's PRIMARY lines) and credit per month. */
    private static final class TeamState {
        final Tally[] tallies = newTallies();
        final Sum[] months;

        TeamState(int months) {
            this.months = newSums(months);
        }
    }

    /** The latest line of an employee in the YEAR window, for the rep-row team of someone without a membership. */
    private record Latest(LocalDate date, String teamId) {
    }

    private final RunPlan plan;
    private final Org org;
    private final AttainmentSettings settings;
    private final Quotas quotas;
    private final Map<Window, Period> windows = new EnumMap<>(Window.class);
    /** The windows by ordinal, for the per-line loop. */
    private final Period[] windowPeriods = new Period[WINDOWS.length];
    private final Period year;
    /** The YEAR window's first month as a proleptic month number: a line's month index is its own minus this. */
    private final long yearFirstMonth;
    private final int yearMonths;
    /** A team's state and its ancestors' (self first), resolved once per team id. */
    private final Map<String, TeamState[]> chains = new HashMap<>();
    private final Map<String, RepState> reps = new HashMap<>();
    private final Map<String, TeamState> teams = new HashMap<>();
    private final Flags flags;
    /** Numbers the bookings accepted so far (a tally's {@code dealBooking}). */
    private int booking;

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
            windowPeriods[w.ordinal()] = plan.window(w);
        }
        this.year = windows.get(Window.YEAR);
        this.yearFirstMonth = YearMonth.from(year.start()).getLong(ChronoField.PROLEPTIC_MONTH);
        this.yearMonths = Quotas.months(year).size();
        this.flags = new Flags(plan, settings);
    }

    /** Takes all credit lines of one booking (deal counts are per booking). */
    public void accept(List<CreditLine> linesOfOneBooking) {
        int current = ++booking;
        for (CreditLine line : linesOfOneBooking) {
            flags.accept(line);
            LocalDate date = line.lineDate();
            BigDecimal amount = line.amountBase();
            long cents = Sum.cents(amount);
            boolean counts = !line.reversal() && amount.signum() > 0;
            TeamState[] chain = line.isPrimary() ? chain(line.teamId()) : null;
            RepState rep = null;
            if (year.contains(date)) {
                rep = rep(line.employeeId());
                Latest latest = rep.latestInYear;
                if (latest == null || later(latest, date, line.teamId())) {
                    rep.latestInYear = new Latest(date, line.teamId());
                }
                // docs/numbers.md §11: a line's credit in its month of the YEAR window, all lines for the
                // employee, PRIMARY for the teams
                int month = (int) (date.getLong(ChronoField.PROLEPTIC_MONTH) - yearFirstMonth);
                rep.months[month].add(amount, cents);
                if (chain != null) {
                    for (TeamState team : chain) {
                        team.months[month].add(amount, cents);
                    }
                }
            }
            for (int i = 0; i < windowPeriods.length; i++) {
                if (!windowPeriods[i].contains(date)) {
                    continue;
                }
                if (rep == null) {
                    rep = rep(line.employeeId());
                }
                add(rep.tallies[i], amount, cents, counts, current);
                if (chain != null) {
                    // A team's totals hold its subtree's PRIMARY lines; one deal per booking per team.
                    for (TeamState team : chain) {
                        add(team.tallies[i], amount, cents, counts, current);
                    }
                }
            }
        }
    }

    private static void add(Tally tally, BigDecimal amount, long cents, boolean counts, int currentBooking) {
        tally.credited.add(amount, cents);
        if (counts && tally.dealBooking != currentBooking) {
            tally.dealBooking = currentBooking;
            tally.deals++;
        }
    }

    private static Sum[] newSums(int count) {
        Sum[] sums = new Sum[count];
        for (int i = 0; i < count; i++) {
            sums[i] = new Sum();
        }
        return sums;
    }

    private static Tally[] newTallies() {
        Tally[] tallies = new Tally[WINDOWS.length];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally();
        }
        return tallies;
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

    /** Every rep row's and team's month figures, fiscal year start .. the month of D. */
    private List<MonthFigure> monthFigures(Set<String> repIds) {
        List<MonthFigure> figures = new ArrayList<>();
        List<YearMonth> months = Quotas.months(windows.get(Window.YEAR));
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            Period month = new Period(m.atDay(1), m.atEndOfMonth());
            for (Team team : org.teams().values()) {
                figures.add(new MonthFigure(Level.TEAM, team.id(), month.start(), Optional.of(quotas.team(team.id(), month)),
                        credit(teams.get(team.id()), i)));
            }
            for (String id : repIds) {
                figures.add(new MonthFigure(Level.REP, id, month.start(), quotas.rep(id, month), credit(reps.get(id), i)));
            }
        }
        return figures;
    }

    private static BigDecimal credit(TeamState team, int month) {
        return team == null ? Quotas.ZERO : team.months[month].value();
    }

    private static BigDecimal credit(RepState rep, int month) {
        return rep == null ? Quotas.ZERO : rep.months[month].value();
    }

    private NodeResult teamRow(Window w, Period full, BigDecimal expected, Team team) {
        Tally t = team(team.id()).tallies[w.ordinal()];
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
        Tally t = rep(id).tallies[w.ordinal()];
        Figures figures = figures(quotas.rep(id, full), t, expected);
        Optional<BigDecimal> quota = figures.quota();
        Optional<BigDecimal> attainment = figures.attainmentPct();
        CompPlan compPlan = settings.planOf(id);
        int months = Quotas.months(full).size();
        String name = org.employee(id).map(Employee::fullName).orElse(id);
        return NodeResult.rep(w, full, id, name, placement.teamId(), figures, RepStanding.beforeRanking(
                Optional.of(Comp.estimate(compPlan, months, attainment)), Comp.currentTier(compPlan, attainment),
                quota.flatMap(q -> Comp.creditToNextTier(compPlan, attainment, q, figures.credited())),
                placement.eligible()));
    }

    /** A node's figures in one window (docs/numbers.md §4), all following from its quota and credit. */
    private Figures figures(Optional<BigDecimal> quota, Tally t, BigDecimal expected) {
        BigDecimal credited = t.credited.value();
        Optional<BigDecimal> attainment = attainment(credited, quota);
        return new Figures(quota, credited, attainment, expected, pace(attainment, expected),
                paceStatus(attainment, expected), projected(attainment, expected),
                quota.map(q -> gap(q, credited)), t.deals);
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
        reps.forEach((id, rep) -> {
            if (rep.latestInYear != null) {
                ids.add(id);
            }
        });
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
        return new RepPlacement(Optional.ofNullable(reps.get(employeeId)).map(r -> r.latestInYear).map(Latest::teamId),
                false);
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

    private RepState rep(String employeeId) {
        return reps.computeIfAbsent(employeeId, id -> new RepState(yearMonths));
    }

    private TeamState team(String teamId) {
        return teams.computeIfAbsent(teamId, id -> new TeamState(yearMonths));
    }

    /** The states of a team and every team above it, self first. */
    private TeamState[] chain(String teamId) {
        TeamState[] chain = chains.get(teamId);
        if (chain == null) {
            Set<String> ids = new LinkedHashSet<>();
            String current = teamId;
            // The org is validated acyclic; the set still stops a walk that would loop.
            while (current != null && ids.add(current)) {
                current = org.team(current).map(Team::parentId).orElse(null);
            }
            chain = ids.stream().map(this::team).toArray(TeamState[]::new);
            chains.put(teamId, chain);
        }
        return chain;
    }

    /** Whether a line on {@code date} booked to {@code teamId} is later than {@code latest}: by date, then team id. */
    private static boolean later(Latest latest, LocalDate date, String teamId) {
        int c = date.compareTo(latest.date());
        return c > 0 || (c == 0 && Ids.ORDER.compare(teamId, latest.teamId()) > 0);
    }
}
