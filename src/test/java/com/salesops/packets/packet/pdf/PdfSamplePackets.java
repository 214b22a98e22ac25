package com.salesops.packets.packet.pdf;

import com.salesops.packets.attainment.Distribution;
import com.salesops.packets.attainment.Flag;
import com.salesops.packets.attainment.FlagType;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.NodeResultBuilder;
import com.salesops.packets.attainment.PaceStatus;
import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.CreditRole;
import com.salesops.packets.credit.CreditedBooking;
import com.salesops.packets.packet.DealLine;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/** Hand-built packets with known numbers for the PDF tests (no database, no attainment maths). */
final class PdfSamplePackets {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    static final RunPlan PLAN = RunPlan.nightly(FiscalCalendar.calendarYear(), AS_OF);
    static final Instant GENERATED = Instant.parse("2026-11-27T02:15:00Z");

    /** Team West's own figures: quota and credited per window. */
    static final Map<Window, BigDecimal> WEST_QUOTA = Map.of(
            Window.MONTH, new BigDecimal("300000.00"),
            Window.QUARTER, new BigDecimal("900000.00"),
            Window.YEAR, new BigDecimal("3600000.00"));
    static final Map<Window, BigDecimal> WEST_CREDITED = Map.of(
            Window.MONTH, new BigDecimal("252898.80"),
            Window.QUARTER, new BigDecimal("512345.67"),
            Window.YEAR, new BigDecimal("3012345.67"));

    static final String OUTSIDER = "Olga Outsider";

    private static final MathContext EXACT = new MathContext(34, RoundingMode.HALF_UP);

    private PdfSamplePackets() {
    }

    /** A first-line team of 3 reps with non-Latin names, 2 flags and their deals. */
    static Packet firstLineTeam() {
        Team west = new Team("team-west", "Team West", "region-emea", "M01");
        Employee manager = employee("M01", "Maria Ortega");
        List<NodeResult> teamRows = new ArrayList<>();
        for (Window w : Window.values()) {
            teamRows.add(team(w, west, Optional.of("region-emea"), WEST_QUOTA.get(w), WEST_CREDITED.get(w),
                    WEST_QUOTA.get(w).multiply(new BigDecimal("0.95"))));
        }
        List<NodeResult> repRows = new ArrayList<>();
        String[][] reps = {{"E001", "Łukasz Kowalski"}, {"E002", "Zoë Adams"}, {"E003", "Jürgen Müller"}};
        // Rep credit shares of the team's credit, so the numbers differ per rep.
        BigDecimal[] shares = {new BigDecimal("0.50"), new BigDecimal("0.30"), new BigDecimal("0.20")};
        for (Window w : Window.values()) {
            List<NodeResult> window = new ArrayList<>();
            for (int i = 0; i < reps.length; i++) {
                BigDecimal quota = WEST_QUOTA.get(w).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
                BigDecimal credited = WEST_CREDITED.get(w).multiply(shares[i]).setScale(2, RoundingMode.HALF_UP);
                window.add(rep(w, reps[i][0], reps[i][1], "team-west", Optional.of(quota), credited));
            }
            repRows.addAll(ranked(window));
        }
        List<Flag> flags = List.of(
                new Flag(FlagType.PERIOD_END_PULL_IN, "E001", "team-west",
                        new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                        List.of("B-1001", "B-1002"), new BigDecimal("14000.00")),
                new Flag(FlagType.CANCELLED_AFTER_CREDIT, "E002", "team-west",
                        new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                        List.of("B-1003"), new BigDecimal("8250.50")));
        List<DealLine> deals = List.of(
                deal("B-1001", "E001", "Łukasz Kowalski", "Acme Sp. z o.o.", LocalDate.of(2026, 10, 30), "9000.00", null),
                deal("B-1002", "E001", "Łukasz Kowalski", "Żabka Logistics", LocalDate.of(2026, 10, 31), "5000.00", null),
                deal("B-1003", "E002", "Zoë Adams", "Café Crème SARL", LocalDate.of(2026, 10, 15), "8250.50",
                        LocalDate.of(2026, 11, 10)));
        return new Packet(PLAN, GENERATED, west, manager, teamRows, repRows,
                Map.of("team-west", "Team West"), List.of(),
                distribution(repRows), flags, dailyCredit(), action -> deals.forEach(action),
                deals.size(), deals.size(), "USD", Map.of(), Set.of(), List.of());
    }

    /** A director's packet: 8 child teams of 25 reps (200), one rep without quota, one CJK name. */
    static Packet directorWith200Reps() {
        Team region = new Team("region-emea", "EMEA Region", null, "D01");
        Employee director = employee("D01", "Zoë Director");
        Map<String, String> teamNames = new LinkedHashMap<>();
        teamNames.put("region-emea", "EMEA Region");
        List<String> children = new ArrayList<>();
        for (int t = 1; t <= 8; t++) {
            children.add("emea-" + t);
            teamNames.put("emea-" + t, "EMEA Team " + t);
        }
        List<NodeResult> teamRows = new ArrayList<>();
        List<NodeResult> repRows = new ArrayList<>();
        for (Window w : Window.values()) {
            BigDecimal regionQuota = WEST_QUOTA.get(w).multiply(BigDecimal.valueOf(8));
            BigDecimal regionCredited = WEST_CREDITED.get(w).multiply(BigDecimal.valueOf(8));
            teamRows.add(team(w, region, Optional.empty(), regionQuota, regionCredited, regionQuota));
            for (String child : children) {
                Team team = new Team(child, teamNames.get(child), "region-emea", null);
                teamRows.add(team(w, team, Optional.of("region-emea"), WEST_QUOTA.get(w), WEST_CREDITED.get(w),
                        WEST_QUOTA.get(w)));
            }
            for (int t = 1; t <= 8; t++) {
                List<NodeResult> window = new ArrayList<>();
                for (int r = 1; r <= 25; r++) {
                    int n = (t - 1) * 25 + r;
                    String id = String.format("R%03d", n);
                    String name = n == 7 ? "王伟" : n == 8 ? "Łukasz Zieliński" : "Rep " + id + " Müller";
                    BigDecimal quota = WEST_QUOTA.get(w).divide(BigDecimal.valueOf(25), 2, RoundingMode.HALF_UP);
                    // Spread attainment from about 20 % to 140 %.
                    BigDecimal credited = quota.multiply(BigDecimal.valueOf(20 + (n * 37) % 121))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                    window.add(rep(w, id, name, "emea-" + t, n == 13 ? Optional.empty() : Optional.of(quota), credited));
                }
                repRows.addAll(ranked(window));
            }
        }
        repRows.sort(Comparator.comparing(NodeResult::window).thenComparing(NodeResult::nodeId));
        return new Packet(PLAN, GENERATED, region, director, teamRows, repRows, teamNames, children,
                distribution(repRows), List.of(), dailyCredit(), action -> { }, 0, 0, "USD", Map.of(), Set.of(), List.of());
    }

    static Employee employee(String id, String name) {
        return new Employee(id, name, id.toLowerCase() + "@example.com", LocalDate.of(2020, 1, 6), null);
    }

    static BigDecimal attainment(BigDecimal credited, BigDecimal quota) {
        return credited.multiply(BigDecimal.valueOf(100)).divide(quota, EXACT);
    }

    private static NodeResult team(Window w, Team team, Optional<String> parent, BigDecimal quota,
                                   BigDecimal credited, BigDecimal sumOfRepQuotas) {
        Derived d = derive(w, Optional.of(quota), credited);
        BigDecimal over = quota.divide(sumOfRepQuotas, EXACT).subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(100));
        NodeResultBuilder row = NodeResultBuilder.team(w, PLAN.fullPeriod(w), team.id()).nodeName(team.name())
                .teamId(parent).quota(Optional.of(quota)).credited(credited).dealCount(42);
        return d.fill(row).sumOfRepQuotas(Optional.of(sumOfRepQuotas)).overAssignmentPct(Optional.of(over)).build();
    }

    private static NodeResult rep(Window w, String id, String name, String teamId, Optional<BigDecimal> quota,
                                  BigDecimal credited) {
        Derived d = derive(w, quota, credited);
        Optional<BigDecimal> comp = d.attainment.map(a -> a.min(BigDecimal.valueOf(100)).multiply(new BigDecimal("50")));
        Optional<BigDecimal> next = quota.map(q -> q.subtract(credited).max(BigDecimal.ZERO));
        NodeResultBuilder row = NodeResultBuilder.rep(w, PLAN.fullPeriod(w), id).nodeName(name)
                .teamId(Optional.of(teamId)).quota(quota).credited(credited).dealCount(3);
        return d.fill(row).compEstimate(Optional.of(comp.orElse(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP)))
                .currentTier(OptionalInt.of(1)).creditToNextTier(next).ranked(true).build();
    }

    /** Standard competition ranks in team by 2-decimal attainment (docs/numbers.md §5). */
    private static List<NodeResult> ranked(List<NodeResult> reps) {
        List<NodeResult> withAttainment = reps.stream().filter(r -> r.attainmentPct().isPresent())
                .sorted(Comparator.comparing((NodeResult r) -> r.attainmentPct().get().setScale(2, RoundingMode.HALF_UP))
                        .reversed())
                .toList();
        List<NodeResult> out = new ArrayList<>();
        for (NodeResult r : reps) {
            if (r.attainmentPct().isEmpty()) {
                out.add(r);
                continue;
            }
            BigDecimal mine = r.attainmentPct().get().setScale(2, RoundingMode.HALF_UP);
            int rank = 1 + (int) withAttainment.stream()
                    .filter(o -> o.attainmentPct().get().setScale(2, RoundingMode.HALF_UP).compareTo(mine) > 0).count();
            out.add(r.withRanks(OptionalInt.of(rank), OptionalInt.of(rank)));
        }
        return out;
    }

    private record Derived(Optional<BigDecimal> attainment, BigDecimal expected, Optional<BigDecimal> pace,
                           Optional<PaceStatus> status, Optional<BigDecimal> projected, Optional<BigDecimal> gap) {

        /** The row with these derived figures. */
        NodeResultBuilder fill(NodeResultBuilder row) {
            return row.attainmentPct(attainment).expectedPct(expected).paceIndex(pace).paceStatus(status)
                    .projectedPct(projected).gapToQuota(gap);
        }
    }

    private static Derived derive(Window w, Optional<BigDecimal> quota, BigDecimal credited) {
        Period full = PLAN.fullPeriod(w);
        BigDecimal expected = BigDecimal.valueOf(ChronoUnit.DAYS.between(full.start(), AS_OF) + 1)
                .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(full.days()), EXACT);
        Optional<BigDecimal> attainment = quota.filter(q -> q.signum() != 0).map(q -> attainment(credited, q));
        Optional<BigDecimal> pace = attainment.map(a -> a.divide(expected, EXACT));
        Optional<PaceStatus> status = pace.map(p -> p.setScale(2, RoundingMode.HALF_UP))
                .map(p -> p.compareTo(BigDecimal.ONE) >= 0 ? PaceStatus.ON_PACE
                        : p.compareTo(new BigDecimal("0.80")) >= 0 ? PaceStatus.AT_RISK : PaceStatus.BEHIND);
        Optional<BigDecimal> projected = pace.map(p -> p.multiply(BigDecimal.valueOf(100)));
        Optional<BigDecimal> gap = quota.map(q -> q.subtract(credited).max(BigDecimal.ZERO));
        return new Derived(attainment, expected, pace, status, projected, gap);
    }

    private static Map<Window, Distribution> distribution(List<NodeResult> repRows) {
        Map<Window, Distribution> out = new EnumMap<>(Window.class);
        for (Window w : Window.values()) {
            int[] bands = new int[5];
            for (NodeResult r : repRows) {
                if (r.window() != w) {
                    continue;
                }
                if (r.attainmentPct().isEmpty()) {
                    bands[4]++;
                    continue;
                }
                BigDecimal a = r.attainmentPct().get().setScale(2, RoundingMode.HALF_UP);
                bands[a.compareTo(BigDecimal.valueOf(100)) >= 0 ? 0 : a.compareTo(BigDecimal.valueOf(75)) >= 0 ? 1
                        : a.compareTo(BigDecimal.valueOf(50)) >= 0 ? 2 : 3]++;
            }
            int ranked = bands[0] + bands[1] + bands[2] + bands[3];
            out.put(w, new Distribution(bands[0], bands[1], bands[2], bands[3], bands[4], ranked == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(bands[0] * 100L).divide(BigDecimal.valueOf(ranked), EXACT))));
        }
        return out;
    }

    /** Team West's credit per day; MONTH and QUARTER days add up to its credited figures. */
    private static Map<Window, SortedMap<LocalDate, BigDecimal>> dailyCredit() {
        SortedMap<LocalDate, BigDecimal> month = new TreeMap<>();
        month.put(LocalDate.of(2026, 11, 3), new BigDecimal("52898.80"));
        month.put(LocalDate.of(2026, 11, 10), new BigDecimal("90000.00"));
        month.put(LocalDate.of(2026, 11, 12), new BigDecimal("-12000.00"));
        month.put(LocalDate.of(2026, 11, 20), new BigDecimal("72000.00"));
        month.put(LocalDate.of(2026, 11, 25), new BigDecimal("50000.00"));
        SortedMap<LocalDate, BigDecimal> quarter = new TreeMap<>(month);
        quarter.put(LocalDate.of(2026, 10, 6), new BigDecimal("100000.00"));
        quarter.put(LocalDate.of(2026, 10, 15), new BigDecimal("59446.87"));
        quarter.put(LocalDate.of(2026, 10, 30), new BigDecimal("100000.00"));
        Map<Window, SortedMap<LocalDate, BigDecimal>> out = new EnumMap<>(Window.class);
        out.put(Window.MONTH, month);
        out.put(Window.QUARTER, quarter);
        return out;
    }

    private static DealLine deal(String bookingId, String employeeId, String employeeName, String account,
                                 LocalDate booked, String amount, LocalDate cancelled) {
        BigDecimal value = new BigDecimal(amount);
        CreditLine line = new CreditLine(bookingId, employeeId, "team-west", CreditRole.PRIMARY,
                new BigDecimal("100.00"), booked, value, false, booked, cancelled);
        CreditedBooking booking = new CreditedBooking(bookingId, booked, account, "NEW", "DIRECT", null, value,
                "EUR", BigDecimal.ONE, new BigDecimal("100.00"), 1, cancelled, true);
        return new DealLine(line, booking, employeeName, "Team West");
    }
}
