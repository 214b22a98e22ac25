package com.salesops.packets.packet.excel;

import com.salesops.packets.attainment.CompPlan;
import com.salesops.packets.attainment.Distribution;
import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.FlagType;
import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.MonthFigure;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.NodeResultBuilder;
import com.salesops.packets.attainment.PaceStatus;
import com.salesops.packets.attainment.Tier;
import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.CreditRole;
import com.salesops.packets.credit.CreditedBooking;
import com.salesops.packets.packet.DealLine;
import com.salesops.packets.packet.DealSource;
import com.salesops.packets.packet.Packet;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Team;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Hand-built packets for the Excel writer's tests: team West (three reps, one without a quota)
 * with one child team (one rep), five bookings incl. a cancellation, two flags, and source text
 * that a spreadsheet would take for a formula. The NodeResults are derived here from those inputs
 * with docs/numbers.md §3–6; the tests recompute what they check on their own.
 */
final class SamplePackets {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    static final RunPlan PLAN = RunPlan.nightly(FiscalCalendar.calendarYear(), AS_OF);
    static final Instant GENERATED_AT = Instant.parse("2026-11-27T02:15:00Z");

    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final String PLUS = "+1+1";
    static final String MINUS = "-2";
    static final String AT_SUM = "@SUM(A1)";
    /** An account with a control character that XML cannot hold. */
    static final String DIRTY_ACCOUNT = "Acme\u0001 Corp 王";
    static final String DIRTY_ACCOUNT_CLEAN = "Acme Corp 王";

    static final Team WEST = new Team("team-west", "Team West", "team-root", "mgr-1");
    static final Team WEST_A = new Team("team-west-a", "West Łódź", "team-west", null);
    static final Employee MANAGER = new Employee("mgr-1", "Zoë Manager", "zoe@example.com",
            LocalDate.of(2020, 1, 1), null);

    /** A rep of the sample; {@code monthlyQuota} null = no rep_quota row at all (quota missing). */
    record Rep(String id, String name, String teamId, BigDecimal monthlyQuota) {
    }

    static final List<Rep> REPS = List.of(
            new Rep("e1", "Łukasz Nowak", WEST.id(), new BigDecimal("15000.00")),
            new Rep("e2", "王伟", WEST.id(), new BigDecimal("10000.00")),
            new Rep("e3", "Priya Raman", WEST_A.id(), new BigDecimal("7000.00")),
            new Rep("e4", "Zoë Adams", WEST.id(), null));

    static final Map<String, BigDecimal> TEAM_MONTHLY_QUOTA = Map.of(
            WEST.id(), new BigDecimal("40000.00"),
            WEST_A.id(), new BigDecimal("7000.00"));

    static final Map<String, String> TEAM_NAMES = Map.of(WEST.id(), WEST.name(), WEST_A.id(), WEST_A.name());

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private SamplePackets() {
    }

    static Packet packet() {
        List<DealLine> deals = dealLines();
        return packet(deals::forEach, deals.size(), deals.size());
    }

    /** The sample with only the largest {@code shown} lines listed, as the render step cuts a VP packet. */
    static Packet truncated(int shown) {
        List<DealLine> largest = dealLines().stream()
                .sorted(Comparator.comparing((DealLine d) -> d.line().amountBase().abs()).reversed())
                .limit(shown)
                .toList();
        return packet(largest::forEach, dealLines().size(), shown);
    }

    /** The sample's numbers with another deal list (e.g. generated on the fly). */
    static Packet packet(DealSource deals, long totalDealLines, long dealRowsShown) {
        List<DealLine> lines = dealLines();
        List<NodeResult> repRows = repRows(lines);
        List<NodeResult> teamRows = new ArrayList<>();
        for (Team team : List.of(WEST, WEST_A)) {
            for (Window w : Window.values()) {
                teamRows.add(teamRow(team, w, lines));
            }
        }
        Map<Window, Distribution> distribution = new EnumMap<>(Window.class);
        for (Window w : Window.values()) {
            distribution.put(w, distribution(repRows.stream().filter(r -> r.window() == w).toList()));
        }
        Map<Window, SortedMap<LocalDate, BigDecimal>> daily = new EnumMap<>(Window.class);
        for (Window w : List.of(Window.MONTH, Window.QUARTER)) {
            SortedMap<LocalDate, BigDecimal> days = new TreeMap<>();
            for (DealLine d : lines) {
                if (d.line().isPrimary() && PLAN.window(w).contains(d.line().lineDate())) {
                    days.merge(d.line().lineDate(), d.line().amountBase(), BigDecimal::add);
                }
            }
            daily.put(w, days);
        }
        return new Packet(PLAN, GENERATED_AT, WEST, MANAGER, teamRows, repRows, TEAM_NAMES,
                List.of(WEST_A.id()), distribution, flags(), daily, deals, totalDealLines, dealRowsShown,
                "USD", Map.of(), Set.of(), trend(repRows));
    }

    /**
     * The Trend of the sample (an input here: the compute step's month figures are tested in
     * attainment/TrendTest): Team West and reps e1 and e4, October and November 2026.
     * West October: e1 4,400.00 + e2 6,600.00 (B-1002) = 11,000.00 of 40,000.00; November 19,221.30.
     */
    static List<MonthFigure> trend(List<NodeResult> repRows) {
        LocalDate oct = LocalDate.of(2026, 10, 1);
        LocalDate nov = LocalDate.of(2026, 11, 1);
        return List.of(
                new MonthFigure(Level.TEAM, WEST.id(), oct, Optional.of(new BigDecimal("40000.00")), new BigDecimal("11000.00")),
                new MonthFigure(Level.TEAM, WEST.id(), nov, Optional.of(new BigDecimal("40000.00")), new BigDecimal("19221.30")),
                new MonthFigure(Level.REP, "e1", oct, Optional.of(new BigDecimal("15000.00")), new BigDecimal("4400.00")),
                new MonthFigure(Level.REP, "e1", nov, Optional.of(new BigDecimal("15000.00")), new BigDecimal("12345.67")),
                new MonthFigure(Level.REP, "e4", oct, Optional.empty(), new BigDecimal("0.00")),
                new MonthFigure(Level.REP, "e4", nov, Optional.empty(), new BigDecimal("0.00")));
    }

    static List<Flag> flags() {
        Period october = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        return List.of(
                new Flag(FlagType.CANCELLED_AFTER_CREDIT, "e9", WEST_A.id(), october,
                        List.of("B-0998", "B-0999"), new BigDecimal("1234.50")),
                new Flag(FlagType.PERIOD_END_PULL_IN, "e1", WEST.id(), october,
                        List.of("B-1002"), new BigDecimal("4400.00")));
    }

    static List<CreditedBooking> bookings() {
        return List.of(
                booking("B-1001", LocalDate.of(2026, 11, 3), HYPERLINK, "NEW", "DIRECT", null,
                        "12345.67", "USD", "1", null),
                booking("B-1002", LocalDate.of(2026, 10, 15), PLUS, "EXPANSION", "PARTNER", "Zoë Partners GmbH",
                        "10000.00", "EUR", "1.10000000", null),
                booking("B-1003", LocalDate.of(2026, 11, 10), MINUS, "NEW", "DIRECT", null,
                        "8000.00", "USD", "1", LocalDate.of(2026, 11, 20)),
                booking("B-1004", LocalDate.of(2026, 3, 5), AT_SUM, "RENEWAL", "DIRECT", null,
                        "20000.00", "USD", "1", null),
                booking("B-1005", LocalDate.of(2026, 11, 25), DIRTY_ACCOUNT, "NEW", "PARTNER", HYPERLINK,
                        "5500.50", "GBP", "1.25000000", null));
    }

    /** The packet's credit lines in DealSource order: line date, booking id, employee id, originals first. */
    static List<DealLine> dealLines() {
        Map<String, CreditedBooking> b = new LinkedHashMap<>();
        bookings().forEach(x -> b.put(x.bookingId(), x));
        return List.of(
                deal(b.get("B-1004"), "e2", "100.00", "20000.00", false),
                deal(b.get("B-1002"), "e1", "40.00", "4400.00", false),
                deal(b.get("B-1002"), "e2", "60.00", "6600.00", false),
                deal(b.get("B-1001"), "e1", "100.00", "12345.67", false),
                deal(b.get("B-1003"), "e3", "100.00", "8000.00", false),
                deal(b.get("B-1003"), "e3", "100.00", "-8000.00", true),
                deal(b.get("B-1005"), "e3", "100.00", "6875.63", false));
    }

    /** {@code count} lines made up as they are replayed, never held in memory together. */
    static DealSource generatedDeals(int count) {
        return action -> {
            for (int i = 0; i < count; i++) {
                Rep rep = REPS.get(i % REPS.size());
                LocalDate day = PLAN.yearStart().plusDays(i % 330);
                String id = String.format("G-%07d", i);
                CreditedBooking booking = new CreditedBooking(id, day, "Account " + i + " " + PLUS, "NEW", "DIRECT",
                        null, new BigDecimal(1000 + i % 5000).setScale(2), "USD", BigDecimal.ONE,
                        HUNDRED, 1, null, true);
                CreditLine line = new CreditLine(id, rep.id(), rep.teamId(), CreditRole.PRIMARY,
                        new BigDecimal("100.00"), day, booking.amount(), false, day, null);
                action.accept(new DealLine(line, booking, rep.name(), TEAM_NAMES.get(rep.teamId())));
            }
        };
    }

    /** A deal source that fails after {@code after} lines, like a database connection dropping mid-way. */
    static DealSource failingAfter(int after) {
        DealSource all = generatedDeals(after + 10);
        return action -> {
            int[] seen = {0};
            all.forEach(line -> {
                if (seen[0]++ == after) {
                    throw new IllegalStateException("source connection lost");
                }
                action.accept(line);
            });
        };
    }

    // ---- the numbers, derived from the inputs above (docs/numbers.md §3–6) ----

    static int months(Window w) {
        return switch (w) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
        };
    }

    static BigDecimal expectedPct(Window w) {
        Period full = PLAN.fullPeriod(w);
        long elapsed = ChronoUnit.DAYS.between(full.start(), AS_OF) + 1;
        return BigDecimal.valueOf(elapsed).multiply(HUNDRED).divide(BigDecimal.valueOf(full.days()), EXACT);
    }

    private static List<NodeResult> repRows(List<DealLine> lines) {
        Map<Window, List<NodeResult>> byWindow = new EnumMap<>(Window.class);
        for (Window w : Window.values()) {
            List<NodeResult> rows = new ArrayList<>();
            for (Rep rep : REPS) {
                rows.add(repRow(rep, w, lines));
            }
            byWindow.put(w, withRanks(rows));
        }
        List<NodeResult> all = new ArrayList<>();
        for (Rep rep : REPS) {
            for (Window w : Window.values()) {
                byWindow.get(w).stream().filter(r -> r.nodeId().equals(rep.id())).forEach(all::add);
            }
        }
        return all;
    }

    private static NodeResult repRow(Rep rep, Window w, List<DealLine> lines) {
        Period window = PLAN.window(w);
        BigDecimal credited = BigDecimal.ZERO.setScale(2);
        Set<String> deals = new HashSet<>();
        for (DealLine d : lines) {
            CreditLine l = d.line();
            if (l.employeeId().equals(rep.id()) && window.contains(l.lineDate())) {
                credited = credited.add(l.amountBase());
                if (l.amountBase().signum() > 0) {
                    deals.add(l.bookingId());
                }
            }
        }
        BigDecimal total = credited;
        Optional<BigDecimal> quota = Optional.ofNullable(rep.monthlyQuota())
                .map(q -> q.multiply(BigDecimal.valueOf(months(w))));
        Optional<BigDecimal> attainment = attainment(credited, quota);
        BigDecimal expected = expectedPct(w);
        Optional<BigDecimal> pace = attainment.map(a -> a.divide(expected, EXACT));
        CompPlan plan = CompPlan.shippedDefault();
        BigDecimal target = plan.annualTarget().multiply(BigDecimal.valueOf(months(w)))
                .divide(BigDecimal.valueOf(12), EXACT);
        BigDecimal comp = attainment.filter(a -> a.signum() > 0).map(a -> compEstimate(plan, target, a))
                .orElse(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        OptionalInt tier = attainment.map(a -> OptionalInt.of(tierIndex(plan, a))).orElse(OptionalInt.empty());
        Optional<BigDecimal> toNext = Optional.empty();
        if (tier.isPresent() && tier.getAsInt() + 1 < plan.tiers().size()) {
            BigDecimal next = plan.tiers().get(tier.getAsInt() + 1).fromPct();
            toNext = Optional.of(next.multiply(quota.orElseThrow()).divide(HUNDRED, EXACT).subtract(credited)
                    .setScale(2, RoundingMode.HALF_UP));
        }
        return NodeResultBuilder.rep(w, PLAN.fullPeriod(w), rep.id()).nodeName(rep.name())
                .teamId(Optional.of(rep.teamId()))
                .quota(quota).credited(credited).attainmentPct(attainment).expectedPct(expected)
                .paceIndex(pace).paceStatus(pace.map(SamplePackets::status))
                .projectedPct(pace.map(p -> p.multiply(HUNDRED)))
                .gapToQuota(quota.map(q -> q.subtract(total).max(BigDecimal.ZERO.setScale(2))))
                .dealCount(deals.size())
                .compEstimate(Optional.of(comp)).currentTier(tier).creditToNextTier(toNext).ranked(true)
                .build();
    }

    private static NodeResult teamRow(Team team, Window w, List<DealLine> lines) {
        Set<String> subtree = team.equals(WEST) ? Set.of(WEST.id(), WEST_A.id()) : Set.of(team.id());
        Period window = PLAN.window(w);
        BigDecimal credited = BigDecimal.ZERO.setScale(2);
        Set<String> deals = new HashSet<>();
        for (DealLine d : lines) {
            CreditLine l = d.line();
            if (l.isPrimary() && subtree.contains(l.teamId()) && window.contains(l.lineDate())) {
                credited = credited.add(l.amountBase());
                if (l.amountBase().signum() > 0) {
                    deals.add(l.bookingId());
                }
            }
        }
        BigDecimal months = BigDecimal.valueOf(months(w));
        BigDecimal quota = TEAM_MONTHLY_QUOTA.get(team.id()).multiply(months);
        BigDecimal sumOfReps = REPS.stream()
                .filter(r -> subtree.contains(r.teamId()) && r.monthlyQuota() != null)
                .map(r -> r.monthlyQuota().multiply(months))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        // docs/numbers.md §3: (sum of rep quotas / team quota − 1) × 100, positive when reps carry more
        Optional<BigDecimal> overAssignment = quota.signum() == 0 ? Optional.empty()
                : Optional.of(sumOfReps.divide(quota, EXACT).subtract(BigDecimal.ONE).multiply(HUNDRED));
        Optional<BigDecimal> attainment = attainment(credited, Optional.of(quota));
        BigDecimal expected = expectedPct(w);
        Optional<BigDecimal> pace = attainment.map(a -> a.divide(expected, EXACT));
        return NodeResultBuilder.team(w, PLAN.fullPeriod(w), team.id()).nodeName(team.name())
                .teamId(Optional.ofNullable(team.parentId()))
                .quota(Optional.of(quota)).credited(credited).attainmentPct(attainment).expectedPct(expected)
                .paceIndex(pace).paceStatus(pace.map(SamplePackets::status))
                .projectedPct(pace.map(p -> p.multiply(HUNDRED)))
                .gapToQuota(Optional.of(quota.subtract(credited).max(BigDecimal.ZERO.setScale(2))))
                .dealCount(deals.size())
                .sumOfRepQuotas(Optional.of(sumOfReps)).overAssignmentPct(overAssignment)
                .build();
    }

    private static Optional<BigDecimal> attainment(BigDecimal credited, Optional<BigDecimal> quota) {
        return quota.filter(q -> q.signum() != 0).map(q -> credited.multiply(HUNDRED).divide(q, EXACT));
    }

    private static PaceStatus status(BigDecimal pace) {
        BigDecimal printed = pace.setScale(2, RoundingMode.HALF_UP);
        if (printed.compareTo(new BigDecimal("1.00")) >= 0) {
            return PaceStatus.ON_PACE;
        }
        return printed.compareTo(new BigDecimal("0.80")) >= 0 ? PaceStatus.AT_RISK : PaceStatus.BEHIND;
    }

    private static BigDecimal compEstimate(CompPlan plan, BigDecimal target, BigDecimal attainment) {
        BigDecimal points = BigDecimal.ZERO;
        List<Tier> tiers = plan.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            BigDecimal from = tiers.get(i).fromPct();
            BigDecimal to = i + 1 < tiers.size() ? tiers.get(i + 1).fromPct().min(attainment) : attainment;
            if (to.compareTo(from) > 0) {
                points = points.add(to.subtract(from).multiply(tiers.get(i).rate()));
            }
        }
        BigDecimal estimate = target.multiply(points).divide(HUNDRED, EXACT);
        return estimate.min(target.multiply(plan.capPct()).divide(HUNDRED, EXACT));
    }

    private static int tierIndex(CompPlan plan, BigDecimal attainment) {
        int index = 0;
        for (int i = 0; i < plan.tiers().size(); i++) {
            if (attainment.compareTo(plan.tiers().get(i).fromPct()) >= 0) {
                index = i;
            }
        }
        return index;
    }

    /** Standard competition ranks (1, 2, 2, 4) on the 2-decimal attainment, company-wide and per team. */
    private static List<NodeResult> withRanks(List<NodeResult> rows) {
        List<NodeResult> out = new ArrayList<>();
        for (NodeResult r : rows) {
            if (r.attainmentPct().isEmpty()) {
                out.add(r);
                continue;
            }
            BigDecimal mine = r.attainmentPct().get().setScale(2, RoundingMode.HALF_UP);
            int company = 1 + (int) rows.stream().filter(o -> o.attainmentPct().isPresent()
                    && o.attainmentPct().get().setScale(2, RoundingMode.HALF_UP).compareTo(mine) > 0).count();
            int team = 1 + (int) rows.stream().filter(o -> o.attainmentPct().isPresent()
                    && o.teamId().equals(r.teamId())
                    && o.attainmentPct().get().setScale(2, RoundingMode.HALF_UP).compareTo(mine) > 0).count();
            out.add(r.withRanks(OptionalInt.of(team), OptionalInt.of(company)));
        }
        return out;
    }

    private static Distribution distribution(List<NodeResult> reps) {
        int[] bands = new int[4];
        int noQuota = 0;
        for (NodeResult r : reps) {
            if (r.attainmentPct().isEmpty()) {
                noQuota++;
                continue;
            }
            BigDecimal a = r.attainmentPct().get().setScale(2, RoundingMode.HALF_UP);
            if (a.compareTo(HUNDRED) >= 0) {
                bands[0]++;
            } else if (a.compareTo(new BigDecimal("75")) >= 0) {
                bands[1]++;
            } else if (a.compareTo(new BigDecimal("50")) >= 0) {
                bands[2]++;
            } else {
                bands[3]++;
            }
        }
        int ranked = bands[0] + bands[1] + bands[2] + bands[3];
        Optional<BigDecimal> pct = ranked == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(bands[0]).multiply(HUNDRED).divide(BigDecimal.valueOf(ranked), EXACT));
        return new Distribution(bands[0], bands[1], bands[2], bands[3], noQuota, pct);
    }

    private static CreditedBooking booking(String id, LocalDate date, String account, String type, String channel,
                                           String partner, String amount, String currency, String fx,
                                           LocalDate cancelled) {
        return new CreditedBooking(id, date, account, type, channel, partner, new BigDecimal(amount), currency,
                new BigDecimal(fx), HUNDRED, 1, cancelled, true);
    }

    private static DealLine deal(CreditedBooking b, String employeeId, String split, String amount, boolean reversal) {
        Rep rep = REPS.stream().filter(r -> r.id().equals(employeeId)).findFirst().orElseThrow();
        LocalDate lineDate = reversal ? b.cancelledDate() : b.bookingDate();
        CreditLine line = new CreditLine(b.bookingId(), employeeId, rep.teamId(), CreditRole.PRIMARY,
                new BigDecimal(split), lineDate, new BigDecimal(amount), reversal, b.bookingDate(), b.cancelledDate());
        return new DealLine(line, b, rep.name(), TEAM_NAMES.get(rep.teamId()));
    }
}
