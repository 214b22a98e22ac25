package com.salesops.packets.numbers;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/numbers.md worked out "spreadsheet style", independently of the production code: it reads the raw
 * source tables with plain SQL and follows each sentence of §4 with straightforward loops and
 * BigDecimal arithmetic. No production class is used (no Crediting, AttainmentCalculator, Quotas,
 * Ranking, FiscalCalendar, Csv...). It assumes the shipped defaults: calendar fiscal year, base USD,
 * prorated quotas, pace thresholds 1.00/0.80, pull-in 10,000 / 3 days / 50 %, cancel window 30 days,
 * the standard comp plan for everyone.
 *
 * <p>It produced the expected files under {@code fixtures/org-fixture/} once; they were then read and
 * checked by hand (see {@link FixtureOrganisationJobTest}).
 */
final class IndependentCalculation {

    private static final MathContext EXACT = new MathContext(34);
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final String ATTAINMENT_HEADER = "run_key,window,period_start,period_end,level,node_id,node_name,"
            + "team_id,quota,credited,attainment_pct,expected_pct,pace_index,pace_status,projected_pct,gap_to_quota,"
            + "deal_count,rank_in_team,rank_in_company,comp_estimate";

    record Emp(String id, String name, LocalDate hired, LocalDate lastDay) {
    }

    record Team(String id, String name, String parent) {
    }

    record Member(String emp, String team, String role, LocalDate from, LocalDate to) {
        boolean covers(LocalDate d) {
            return !from.isAfter(d) && (to == null || d.isBefore(to));
        }
    }

    record Credit(String emp, String role, BigDecimal split) {
    }

    record Booking(String id, LocalDate date, BigDecimal amount, String currency, String status,
                   LocalDate cancelled, List<Credit> credits) {
    }

    /** One credit line: amount in base currency, dated, with the team that owns it. */
    record Line(String booking, String emp, String role, String team, LocalDate date, BigDecimal amount,
                boolean reversal) {
    }

    record Result(String attainment, String rejects, String flags) {
    }

    private final List<Emp> emps = new ArrayList<>();
    private final Map<String, Emp> empById = new TreeMap<>();
    private final Map<String, Team> teams = new TreeMap<>();
    private final List<Member> members = new ArrayList<>();
    private final List<String[]> repQuotaRows = new ArrayList<>();   // emp, month, amount, currency
    private final List<String[]> teamQuotaRows = new ArrayList<>();  // team, month, amount, currency
    private final Map<String, TreeMap<LocalDate, BigDecimal>> fx = new TreeMap<>();
    private final Map<String, Booking> bookings = new TreeMap<>();

    IndependentCalculation(DataSource source) {
        JdbcTemplate db = new JdbcTemplate(source);
        for (Map<String, Object> r : db.queryForList("SELECT * FROM employee")) {
            Emp e = new Emp((String) r.get("employee_id"), (String) r.get("full_name"), date(r.get("hire_date")),
                    date(r.get("termination_date")));
            emps.add(e);
            empById.put(e.id(), e);
        }
        for (Map<String, Object> r : db.queryForList("SELECT * FROM sales_team")) {
            teams.put((String) r.get("team_id"), new Team((String) r.get("team_id"), (String) r.get("name"),
                    (String) r.get("parent_team_id")));
        }
        for (Map<String, Object> r : db.queryForList("SELECT * FROM team_membership")) {
            members.add(new Member((String) r.get("employee_id"), (String) r.get("team_id"), norm(r.get("role")),
                    date(r.get("valid_from")), date(r.get("valid_to"))));
        }
        for (Map<String, Object> r : db.queryForList("SELECT employee_id, `month` m, amount, currency FROM rep_quota")) {
            repQuotaRows.add(new String[] {(String) r.get("employee_id"), date(r.get("m")).toString(),
                    r.get("amount").toString(), norm(r.get("currency"))});
        }
        for (Map<String, Object> r : db.queryForList("SELECT team_id, `month` m, amount, currency FROM team_quota")) {
            teamQuotaRows.add(new String[] {(String) r.get("team_id"), date(r.get("m")).toString(),
                    r.get("amount").toString(), norm(r.get("currency"))});
        }
        for (Map<String, Object> r : db.queryForList("SELECT currency, `month` m, rate_to_base FROM fx_rate")) {
            fx.computeIfAbsent(norm(r.get("currency")), c -> new TreeMap<>())
                    .put(date(r.get("m")), (BigDecimal) r.get("rate_to_base"));
        }
        for (Map<String, Object> r : db.queryForList("SELECT * FROM booking")) {
            bookings.put((String) r.get("booking_id"), new Booking((String) r.get("booking_id"),
                    date(r.get("booking_date")), (BigDecimal) r.get("amount"), norm(r.get("currency")),
                    norm(r.get("status")), date(r.get("cancelled_date")), new ArrayList<>()));
        }
        for (Map<String, Object> r : db.queryForList("SELECT * FROM booking_credit")) {
            Booking b = bookings.get((String) r.get("booking_id"));
            if (b != null) {
                b.credits().add(new Credit((String) r.get("employee_id"), norm(r.get("credit_role")),
                        (BigDecimal) r.get("split_percent")));
            }
        }
    }

    // ---------------------------------------------------------------- the run

    Result run(String runKey, LocalDate asOf) {
        LocalDate d = asOf;
        // §4.1 windows (calendar fiscal year): full periods containing D
        LocalDate monthStart = d.withDayOfMonth(1);
        LocalDate monthEnd = YearMonth.from(d).atEndOfMonth();
        LocalDate quarterStart = LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
        LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
        LocalDate yearStart = LocalDate.of(d.getYear(), 1, 1);
        LocalDate yearEnd = LocalDate.of(d.getYear(), 12, 31);
        String[] windowNames = {"MONTH", "QUARTER", "YEAR"};
        LocalDate[][] periods = {{monthStart, monthEnd}, {quarterStart, quarterEnd}, {yearStart, yearEnd}};

        // latest closed month and quarter: the last whose last day <= D
        LocalDate closedMonthEnd = monthEnd.equals(d) ? monthEnd : monthStart.minusDays(1);
        LocalDate closedMonthStart = closedMonthEnd.withDayOfMonth(1);
        LocalDate closedQuarterEnd = quarterEnd.equals(d) ? quarterEnd : quarterStart.minusDays(1);
        LocalDate closedQuarterStart = closedQuarterEnd.minusMonths(2).withDayOfMonth(1);
        LocalDate s = yearStart;
        if (closedQuarterStart.isBefore(s)) {
            s = closedQuarterStart;
        }
        if (closedMonthStart.isBefore(s)) {
            s = closedMonthStart;
        }

        // §4.2 / §4.9: read, reject or credit
        List<Line> lines = new ArrayList<>();
        List<String> rejectRows = new ArrayList<>();
        for (Booking b : bookings.values()) {
            boolean datedIn = between(b.date(), s, d);
            boolean cancelledIn = b.cancelled() != null && between(b.cancelled(), s, d);
            if (!datedIn && !cancelledIn) {
                continue;
            }
            String reason = rejectReason(b, d);
            if (reason != null) {
                rejectRows.add(String.join(",", runKey, b.id(), reason, "", money(b.amount()), b.currency()));
                continue;
            }
            boolean reversed = b.status().equals("CANCELLED") && cancelledIn;
            for (Credit c : b.credits()) {
                BigDecimal base = round2(b.amount().multiply(c.split()).divide(HUNDRED, EXACT)
                        .multiply(fx(b.currency(), b.date())));
                String team = memberships(c.emp(), b.date()).get(0).team();
                if (!b.date().isBefore(s)) {
                    lines.add(new Line(b.id(), c.emp(), c.role(), team, b.date(), base, false));
                }
                if (reversed) {
                    lines.add(new Line(b.id(), c.emp(), c.role(), team, b.cancelled(), base.negate(), true));
                }
            }
        }

        // §4.5 rep rows: employees with a membership overlapping [YEAR start, D] or a line dated in it
        Set<String> repIds = new TreeSet<>();
        for (Member m : members) {
            if (!m.from().isAfter(d) && (m.to() == null || m.to().isAfter(yearStart))) {
                repIds.add(m.emp());
            }
        }
        for (Line l : lines) {
            if (between(l.date(), yearStart, d)) {
                repIds.add(l.emp());
            }
        }
        Map<String, String> repTeam = new TreeMap<>();
        Map<String, Boolean> rankable = new TreeMap<>();
        for (String e : repIds) {
            List<Member> onD = memberships(e, d);
            Member chosen = null;
            for (Member m : onD) {
                if (chosen == null || m.from().isAfter(chosen.from())
                        || (m.from().equals(chosen.from()) && m.team().compareTo(chosen.team()) > 0)) {
                    chosen = m;
                }
            }
            String team;
            if (chosen != null) {
                team = chosen.team();
            } else {
                Member latest = null;
                for (Member m : members) {
                    boolean overlapsYear = m.emp().equals(e) && !m.from().isAfter(d)
                            && (m.to() == null || m.to().isAfter(yearStart));
                    if (overlapsYear && (latest == null || m.from().isAfter(latest.from()))) {
                        latest = m;
                    }
                }
                team = latest != null ? latest.team() : latestLineTeam(lines, e, LocalDate.MIN, d);
            }
            repTeam.put(e, team);
            Emp emp = empById.get(e);
            boolean terminated = emp.lastDay() != null && !emp.lastDay().isAfter(d);
            rankable.put(e, chosen != null && chosen.role().equals("REP") && !terminated);
        }

        // §4.3 .. §4.6 per window
        List<String> attainment = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            LocalDate pStart = periods[w][0];
            LocalDate pEnd = periods[w][1];
            List<LocalDate> months = new ArrayList<>();
            for (LocalDate m = pStart; !m.isAfter(pEnd); m = m.plusMonths(1)) {
                months.add(m);
            }
            BigDecimal expected = new BigDecimal(ChronoUnit.DAYS.between(pStart, d) + 1)
                    .divide(new BigDecimal(ChronoUnit.DAYS.between(pStart, pEnd) + 1), EXACT).multiply(HUNDRED);
            BigDecimal target = new BigDecimal("60000").multiply(new BigDecimal(months.size()))
                    .divide(new BigDecimal("12"), EXACT);

            // teams
            for (Team t : teams.values()) {
                BigDecimal quota = BigDecimal.ZERO;
                for (LocalDate m : months) {
                    quota = quota.add(teamMonthQuota(t.id(), m));
                }
                Set<String> subtree = subtree(t.id());
                BigDecimal credited = BigDecimal.ZERO;
                Set<String> deals = new HashSet<>();
                for (Line l : lines) {
                    if (l.role().equals("PRIMARY") && subtree.contains(l.team()) && between(l.date(), pStart, d)) {
                        credited = credited.add(l.amount());
                        if (!l.reversal() && l.amount().signum() > 0) {
                            deals.add(l.booking());
                        }
                    }
                }
                attainment.add(row(runKey, windowNames[w], pStart, pEnd, "TEAM", t.id(), t.name(),
                        t.parent() == null ? "" : t.parent(), quota, credited, expected, deals.size(), null, null,
                        null));
            }

            // reps: first the numbers, then the ranks
            Map<String, BigDecimal> quotas = new TreeMap<>();
            Map<String, BigDecimal> credits = new TreeMap<>();
            Map<String, Integer> dealCounts = new TreeMap<>();
            Map<String, BigDecimal> rounded = new TreeMap<>();
            for (String e : repIds) {
                BigDecimal quota = null;
                for (LocalDate m : months) {
                    BigDecimal q = repMonthQuota(e, m);
                    if (q != null) {
                        quota = quota == null ? q : quota.add(q);
                    }
                }
                BigDecimal credited = BigDecimal.ZERO;
                Set<String> deals = new HashSet<>();
                for (Line l : lines) {
                    if (l.emp().equals(e) && between(l.date(), pStart, d)) {
                        credited = credited.add(l.amount());
                        if (!l.reversal() && l.amount().signum() > 0) {
                            deals.add(l.booking());
                        }
                    }
                }
                quotas.put(e, quota);
                credits.put(e, credited);
                dealCounts.put(e, deals.size());
                if (quota != null && quota.signum() != 0 && rankable.get(e)) {
                    rounded.put(e, credited.divide(quota, EXACT).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP));
                }
            }
            for (String e : repIds) {
                Integer inTeam = null;
                Integer inCompany = null;
                if (rounded.containsKey(e)) {
                    inTeam = 1;
                    inCompany = 1;
                    for (String o : rounded.keySet()) {
                        if (rounded.get(o).compareTo(rounded.get(e)) > 0) {
                            inCompany++;
                            if (repTeam.get(o).equals(repTeam.get(e))) {
                                inTeam++;
                            }
                        }
                    }
                }
                BigDecimal quota = quotas.get(e);
                BigDecimal comp = BigDecimal.ZERO;
                if (quota != null && quota.signum() != 0) {
                    BigDecimal pct = credits.get(e).divide(quota, EXACT).multiply(HUNDRED);
                    comp = comp(pct, target);
                }
                attainment.add(row(runKey, windowNames[w], pStart, pEnd, "REP", e, empById.get(e).name(),
                        repTeam.get(e), quota, credits.get(e), expected, dealCounts.get(e), inTeam, inCompany, comp));
            }
        }

        // §4.7 flags
        List<String[]> flags = new ArrayList<>();  // sort key, row
        pullIn(flags, runKey, lines, repTeam, closedMonthStart, closedMonthEnd);
        pullIn(flags, runKey, lines, repTeam, closedQuarterStart, closedQuarterEnd);
        for (LocalDate m = s; !YearMonth.from(m).atEndOfMonth().isAfter(d); m = m.plusMonths(1)) {
            if (m.getDayOfMonth() != 1) {
                continue;
            }
            LocalDate end = YearMonth.from(m).atEndOfMonth();
            Map<String, TreeSet<String>> ids = new TreeMap<>();
            Map<String, BigDecimal> sums = new TreeMap<>();
            for (Line l : lines) {
                Booking b = bookings.get(l.booking());
                boolean late = b.status().equals("CANCELLED") && b.cancelled() != null && b.cancelled().isAfter(end)
                        && !b.cancelled().isAfter(end.plusDays(30)) && !b.cancelled().isAfter(d);
                if (!l.reversal() && l.amount().signum() > 0 && between(b.date(), m, end) && late) {
                    ids.computeIfAbsent(l.emp(), k -> new TreeSet<>()).add(b.id());
                    sums.merge(l.emp(), l.amount(), BigDecimal::add);
                }
            }
            for (String e : ids.keySet()) {
                String team = repTeam.containsKey(e) ? repTeam.get(e) : latestLineTeam(lines, e, m, end);
                flags.add(new String[] {"CANCELLED_AFTER_CREDIT|" + m + "|" + e, String.join(",", runKey,
                        "CANCELLED_AFTER_CREDIT", e, team, m.toString(), end.toString(),
                        String.join(";", ids.get(e)), money(sums.get(e)))});
            }
        }
        flags.sort((a, b) -> a[0].compareTo(b[0]));

        StringBuilder att = new StringBuilder(ATTAINMENT_HEADER).append('\n');
        attainment.forEach(r -> att.append(r).append('\n'));
        StringBuilder rej = new StringBuilder("run_key,booking_id,reason,detail,amount,currency\n");
        rejectRows.forEach(r -> rej.append(r).append('\n'));
        StringBuilder fl = new StringBuilder("run_key,flag,employee_id,team_id,period_start,period_end,booking_ids,amount\n");
        flags.forEach(r -> fl.append(r[1]).append('\n'));
        return new Result(att.toString(), rej.toString(), fl.toString());
    }

    // ---------------------------------------------------------------- §4.9

    private String rejectReason(Booking b, LocalDate d) {
        for (Credit c : b.credits()) {
            if (!empById.containsKey(c.emp())) {
                return "UNKNOWN_EMPLOYEE";
            }
        }
        for (Credit c : b.credits()) {
            if (memberships(c.emp(), b.date()).isEmpty()) {
                return "NO_TEAM_ON_DATE";
            }
        }
        for (Credit c : b.credits()) {
            if (memberships(c.emp(), b.date()).size() > 1) {
                return "AMBIGUOUS_TEAM";
            }
        }
        if (fx(b.currency(), b.date()) == null) {
            return "MISSING_FX_RATE";
        }
        if (b.credits().isEmpty()) {
            return "NO_CREDIT";
        }
        BigDecimal primary = BigDecimal.ZERO;
        for (Credit c : b.credits()) {
            if (c.role().equals("PRIMARY")) {
                primary = primary.add(c.split());
            }
        }
        if (primary.subtract(HUNDRED).abs().compareTo(new BigDecimal("0.01")) > 0) {
            return "SPLIT_SUM";
        }
        Set<String> seen = new HashSet<>();
        for (Credit c : b.credits()) {
            if (c.split().signum() <= 0 || c.split().compareTo(HUNDRED) > 0 || !seen.add(c.emp())) {
                return "INVALID_SPLIT";
            }
        }
        if (b.amount().signum() <= 0) {
            return "INVALID_AMOUNT";
        }
        if (b.status().equals("CANCELLED") && b.cancelled() == null) {
            return "CANCELLED_WITHOUT_DATE";
        }
        if (b.status().equals("CANCELLED") && (b.cancelled().isBefore(b.date()) || b.date().isAfter(d))) {
            return "CANCELLED_BEFORE_BOOKED";
        }
        for (Credit c : b.credits()) {
            if (!c.role().equals("PRIMARY") && !c.role().equals("OVERLAY")) {
                return "INVALID_STATUS";
            }
        }
        if (!b.status().equals("BOOKED") && !b.status().equals("CANCELLED")
                || b.status().equals("BOOKED") && b.cancelled() != null) {
            return "INVALID_STATUS";
        }
        return null;
    }

    // ---------------------------------------------------------------- §4.3

    /** round2(amount × fx × employed share) summed over the rows of (e, m); null when e has no row for m. */
    private BigDecimal repMonthQuota(String e, LocalDate m) {
        BigDecimal sum = null;
        for (String[] r : repQuotaRows) {
            if (r[0].equals(e) && r[1].equals(m.toString())) {
                BigDecimal f = new BigDecimal(employedDays(e, m))
                        .divide(new BigDecimal(m.lengthOfMonth()), EXACT);
                BigDecimal q = round2(new BigDecimal(r[2]).multiply(fx(r[3], m)).multiply(f));
                sum = sum == null ? q : sum.add(q);
            }
        }
        return sum;
    }

    private BigDecimal teamMonthQuota(String team, LocalDate m) {
        BigDecimal own = null;
        for (String[] r : teamQuotaRows) {
            if (r[0].equals(team) && r[1].equals(m.toString())) {
                BigDecimal q = round2(new BigDecimal(r[2]).multiply(fx(r[3], m)));
                own = own == null ? q : own.add(q);
            }
        }
        if (own != null) {
            return own;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> reps = new TreeSet<>();
        for (Member mem : members) {
            if (mem.team().equals(team) && mem.role().equals("REP")) {
                reps.add(mem.emp());
            }
        }
        for (String e : reps) {
            int employed = employedDays(e, m);
            BigDecimal q = repMonthQuota(e, m);
            if (employed == 0 || q == null) {
                continue;
            }
            int both = 0;
            for (LocalDate day = m; day.getMonth() == m.getMonth(); day = day.plusDays(1)) {
                boolean member = false;
                for (Member mem : members) {
                    if (mem.emp().equals(e) && mem.team().equals(team) && mem.role().equals("REP") && mem.covers(day)) {
                        member = true;
                    }
                }
                if (member && isEmployed(e, day)) {
                    both++;
                }
            }
            sum = sum.add(round2(q.multiply(new BigDecimal(both)).divide(new BigDecimal(employed), EXACT)));
        }
        for (Team child : teams.values()) {
            if (team.equals(child.parent())) {
                sum = sum.add(teamMonthQuota(child.id(), m));
            }
        }
        return sum;
    }

    private int employedDays(String e, LocalDate m) {
        int n = 0;
        for (LocalDate day = m; day.getMonth() == m.getMonth(); day = day.plusDays(1)) {
            if (isEmployed(e, day)) {
                n++;
            }
        }
        return n;
    }

    private boolean isEmployed(String e, LocalDate day) {
        Emp emp = empById.get(e);
        return !day.isBefore(emp.hired()) && (emp.lastDay() == null || !day.isAfter(emp.lastDay()));
    }

    // ---------------------------------------------------------------- §4.4 – §4.6 output row

    private static String row(String runKey, String window, LocalDate pStart, LocalDate pEnd, String level, String id,
                              String name, String team, BigDecimal quota, BigDecimal credited, BigDecimal expected,
                              int deals, Integer rankInTeam, Integer rankInCompany, BigDecimal comp) {
        String att = "";
        String pace = "";
        String status = "";
        String projected = "";
        if (quota != null && quota.signum() != 0) {
            BigDecimal pct = credited.divide(quota, EXACT).multiply(HUNDRED);
            att = money(pct);
            BigDecimal paceIndex = pct.divide(expected, EXACT).setScale(2, RoundingMode.HALF_UP);
            pace = money(paceIndex);
            status = paceIndex.compareTo(new BigDecimal("1.00")) >= 0 ? "ON_PACE"
                    : paceIndex.compareTo(new BigDecimal("0.80")) >= 0 ? "AT_RISK" : "BEHIND";
            projected = money(pct.divide(expected, EXACT).multiply(HUNDRED));
        }
        String gap = quota == null ? "" : money(quota.subtract(credited).max(BigDecimal.ZERO));
        return String.join(",", runKey, window, pStart.toString(), pEnd.toString(), level, quoted(id), quoted(name),
                quoted(team), quota == null ? "" : money(quota), money(credited), att, money(expected), pace, status,
                projected, gap, Integer.toString(deals), rankInTeam == null ? "" : rankInTeam.toString(),
                rankInCompany == null ? "" : rankInCompany.toString(), comp == null ? "" : money(comp));
    }

    /** §4.6, standard plan: 0–50 rate 0, 50–100 rate 1.0, 100–150 rate 1.5, above rate 2.0, cap 250 %. */
    private static BigDecimal comp(BigDecimal pct, BigDecimal target) {
        if (pct.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal[][] tiers = {{bd("0"), bd("50"), bd("0")}, {bd("50"), bd("100"), bd("1.0")},
            {bd("100"), bd("150"), bd("1.5")}, {bd("150"), null, bd("2.0")}};
        BigDecimal points = BigDecimal.ZERO;
        for (BigDecimal[] t : tiers) {
            BigDecimal top = t[1] == null ? pct : pct.min(t[1]);
            if (top.compareTo(t[0]) > 0) {
                points = points.add(top.subtract(t[0]).multiply(t[2]));
            }
        }
        BigDecimal estimate = target.multiply(points).divide(HUNDRED, EXACT);
        BigDecimal cap = target.multiply(bd("250")).divide(HUNDRED, EXACT);
        return estimate.min(cap);
    }

    // ---------------------------------------------------------------- §4.7

    private void pullIn(List<String[]> flags, String runKey, List<Line> lines, Map<String, String> repTeam,
                        LocalDate start, LocalDate end) {
        LocalDate lastDaysFrom = end.minusDays(2);
        Map<String, BigDecimal> total = new TreeMap<>();
        Map<String, BigDecimal> late = new TreeMap<>();
        Map<String, TreeSet<String>> ids = new TreeMap<>();
        for (Line l : lines) {
            LocalDate dated = bookings.get(l.booking()).date();
            if (l.reversal() || l.amount().signum() <= 0 || !between(dated, start, end)) {
                continue;
            }
            total.merge(l.emp(), l.amount(), BigDecimal::add);
            if (!dated.isBefore(lastDaysFrom)) {
                late.merge(l.emp(), l.amount(), BigDecimal::add);
                ids.computeIfAbsent(l.emp(), k -> new TreeSet<>()).add(l.booking());
            }
        }
        for (String e : late.keySet()) {
            BigDecimal t = total.get(e);
            BigDecimal part = late.get(e);
            if (t.compareTo(bd("10000")) >= 0 && part.multiply(HUNDRED).compareTo(t.multiply(bd("50"))) >= 0) {
                String team = repTeam.containsKey(e) ? repTeam.get(e) : latestLineTeam(lines, e, start, end);
                flags.add(new String[] {"PERIOD_END_PULL_IN|" + start + "|" + e, String.join(",", runKey,
                        "PERIOD_END_PULL_IN", e, team, start.toString(), end.toString(),
                        String.join(";", ids.get(e)), money(part))});
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private String latestLineTeam(List<Line> lines, String e, LocalDate from, LocalDate to) {
        Line latest = null;
        for (Line l : lines) {
            if (l.emp().equals(e) && between(l.date(), from, to) && (latest == null || l.date().isAfter(latest.date()))) {
                latest = l;
            }
        }
        return latest == null ? "" : latest.team();
    }

    private List<Member> memberships(String e, LocalDate day) {
        List<Member> out = new ArrayList<>();
        for (Member m : members) {
            if (m.emp().equals(e) && m.covers(day)) {
                out.add(m);
            }
        }
        return out;
    }

    private Set<String> subtree(String team) {
        Set<String> out = new TreeSet<>();
        out.add(team);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Team t : teams.values()) {
                if (t.parent() != null && out.contains(t.parent()) && out.add(t.id())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    /** The rate of the month, or of the latest earlier month that has one; USD is 1; null when none. */
    private BigDecimal fx(String currency, LocalDate day) {
        if (currency.equals("USD")) {
            return BigDecimal.ONE;
        }
        TreeMap<LocalDate, BigDecimal> rates = fx.get(currency);
        if (rates == null) {
            return null;
        }
        Map.Entry<LocalDate, BigDecimal> e = rates.floorEntry(day.withDayOfMonth(1));
        return e == null ? null : e.getValue();
    }

    private static boolean between(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static BigDecimal round2(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static String money(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP);
        return r.signum() == 0 ? "0.00" : r.toPlainString();
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    private static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    private static String norm(Object v) {
        return v == null ? null : v.toString().strip().toUpperCase(Locale.ROOT);
    }

    private static LocalDate date(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate ld) {
            return ld;
        }
        return ((Date) v).toLocalDate();
    }
}
