package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.source.DataProblemException;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.FxTable;
import com.salesops.packets.source.Membership;
import com.salesops.packets.source.MembershipRole;
import com.salesops.packets.source.Org;
import com.salesops.packets.source.RepQuota;
import com.salesops.packets.source.Team;
import com.salesops.packets.source.TeamQuota;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rep and team quotas month by month (docs/numbers.md §3), built once from the org for the months of the
 * run's YEAR full period (which holds the MONTH and QUARTER full periods too).
 */
final class Quotas {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final Org org;
    /** Rep month quotas; a month is present only when the rep has a row for it. */
    private final Map<String, Map<YearMonth, BigDecimal>> repMonths = new HashMap<>();
    private final Map<String, Map<YearMonth, BigDecimal>> teamRows = new HashMap<>();
    /** Direct REP members per team, each employee once. */
    private final Map<String, Map<String, List<Membership>>> repMembersByTeam = new HashMap<>();
    private final Map<String, Map<YearMonth, BigDecimal>> teamMonthMemo = new HashMap<>();
    private final Map<String, Map<YearMonth, BigDecimal>> repSumMemo = new HashMap<>();
    private final Map<String, Map<YearMonth, BigDecimal>> directSharesMemo = new HashMap<>();

    /** @throws DataProblemException when a quota's currency has no rate at or before its month */
    Quotas(Org org, boolean prorate) {
        this.org = org;
        FxTable fx = org.fx();
        for (RepQuota q : org.repQuotas()) {
            YearMonth m = YearMonth.from(q.month());
            BigDecimal rate = fx.rate(q.currency(), q.month()).orElseThrow(() -> new DataProblemException(
                    "quota of employee " + q.employeeId() + " for " + m + " is in currency " + q.currency()
                            + ", which has no rate at or before " + m));
            Optional<Employee> e = org.employee(q.employeeId());
            if (e.isEmpty()) {
                continue;
            }
            BigDecimal converted = q.amount().multiply(rate);
            long employed = employedDays(e.get(), m);
            BigDecimal value;
            if (employed == 0) {
                value = ZERO;
            } else if (prorate) {
                value = converted.multiply(BigDecimal.valueOf(employed))
                        .divide(BigDecimal.valueOf(m.lengthOfMonth()), 2, RoundingMode.HALF_UP);
            } else {
                value = converted.setScale(2, RoundingMode.HALF_UP);
            }
            repMonths.computeIfAbsent(q.employeeId(), k -> new HashMap<>()).merge(m, value, BigDecimal::add);
        }
        for (TeamQuota q : org.teamQuotas()) {
            YearMonth m = YearMonth.from(q.month());
            BigDecimal rate = fx.rate(q.currency(), q.month()).orElseThrow(() -> new DataProblemException(
                    "quota of team " + q.teamId() + " for " + m + " is in currency " + q.currency()
                            + ", which has no rate at or before " + m));
            BigDecimal value = q.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP);
            teamRows.computeIfAbsent(q.teamId(), k -> new HashMap<>()).merge(m, value, BigDecimal::add);
        }
        for (Membership ms : org.memberships()) {
            if (ms.role() == MembershipRole.REP && org.employee(ms.employeeId()).isPresent()) {
                repMembersByTeam.computeIfAbsent(ms.teamId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(ms.employeeId(), k -> new ArrayList<>()).add(ms);
            }
        }
    }

    /** Σ of the rep's month quotas over the full period; empty when no month of it has a row (missing). */
    Optional<BigDecimal> rep(String employeeId, Period fullPeriod) {
        Map<YearMonth, BigDecimal> rows = repMonths.getOrDefault(employeeId, Map.of());
        BigDecimal sum = ZERO;
        boolean any = false;
        for (YearMonth m : months(fullPeriod)) {
            BigDecimal q = rows.get(m);
            if (q != null) {
                sum = sum.add(q);
                any = true;
            }
        }
        return any ? Optional.of(sum) : Optional.empty();
    }

    BigDecimal team(String teamId, Period fullPeriod) {
        BigDecimal sum = ZERO;
        for (YearMonth m : months(fullPeriod)) {
            sum = sum.add(teamMonth(teamId, m, new HashSet<>()));
        }
        return sum;
    }

    BigDecimal sumOfRepQuotas(String teamId, Period fullPeriod) {
        BigDecimal sum = ZERO;
        for (YearMonth m : months(fullPeriod)) {
            sum = sum.add(repSum(teamId, m, new HashSet<>()));
        }
        return sum;
    }

    private BigDecimal teamMonth(String teamId, YearMonth m, Set<String> path) {
        BigDecimal memo = teamMonthMemo.getOrDefault(teamId, Map.of()).get(m);
        if (memo != null) {
            return memo;
        }
        BigDecimal row = teamRows.getOrDefault(teamId, Map.of()).get(m);
        BigDecimal value;
        if (row != null) {
            value = row;
        } else {
            value = directShares(teamId, m);
            if (path.add(teamId)) {
                for (Team child : org.children(teamId)) {
                    value = value.add(teamMonth(child.id(), m, path));
                }
            }
        }
        teamMonthMemo.computeIfAbsent(teamId, k -> new HashMap<>()).put(m, value);
        return value;
    }

    private BigDecimal repSum(String teamId, YearMonth m, Set<String> path) {
        BigDecimal memo = repSumMemo.getOrDefault(teamId, Map.of()).get(m);
        if (memo != null) {
            return memo;
        }
        BigDecimal value = directShares(teamId, m);
        if (path.add(teamId)) {
            for (Team child : org.children(teamId)) {
                value = value.add(repSum(child.id(), m, path));
            }
        }
        repSumMemo.computeIfAbsent(teamId, k -> new HashMap<>()).put(m, value);
        return value;
    }

    /** Σ over the team's direct REP members of round2(rep month quota × member days / employed days). */
    private BigDecimal directShares(String teamId, YearMonth m) {
        return directSharesMemo.computeIfAbsent(teamId, k -> new HashMap<>())
                .computeIfAbsent(m, month -> computeDirectShares(teamId, month));
    }

    private BigDecimal computeDirectShares(String teamId, YearMonth m) {
        BigDecimal sum = ZERO;
        for (Map.Entry<String, List<Membership>> rep : repMembersByTeam.getOrDefault(teamId, Map.of()).entrySet()) {
            BigDecimal quota = repMonths.getOrDefault(rep.getKey(), Map.of()).get(m);
            Employee e = org.employee(rep.getKey()).orElseThrow();
            long employed = employedDays(e, m);
            if (quota == null || employed == 0) {
                continue;
            }
            long memberDays = 0;
            for (LocalDate day = m.atDay(1); !day.isAfter(m.atEndOfMonth()); day = day.plusDays(1)) {
                LocalDate d = day;
                if (e.employedOn(d) && rep.getValue().stream().anyMatch(ms -> ms.covers(d))) {
                    memberDays++;
                }
            }
            sum = sum.add(quota.multiply(BigDecimal.valueOf(memberDays))
                    .divide(BigDecimal.valueOf(employed), 2, RoundingMode.HALF_UP));
        }
        return sum;
    }

    static long employedDays(Employee e, YearMonth m) {
        LocalDate from = e.hireDate().isAfter(m.atDay(1)) ? e.hireDate() : m.atDay(1);
        LocalDate to = e.terminationDate() != null && e.terminationDate().isBefore(m.atEndOfMonth())
                ? e.terminationDate() : m.atEndOfMonth();
        return from.isAfter(to) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    }

    static List<YearMonth> months(Period p) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(p.start()); !m.isAfter(YearMonth.from(p.end())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
