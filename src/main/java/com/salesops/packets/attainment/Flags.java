package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.source.Ids;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Collects the behaviour flags of docs/numbers.md §7 while lines stream by: per employee and flag period
 * only running totals and the booking ids the flag will name.
 */
final class Flags {

    /** Running state of one flag candidate (employee × period). */
    private static final class Candidate {
        BigDecimal total = Quotas.ZERO;
        BigDecimal flagged = Quotas.ZERO;
        final TreeSet<String> bookingIds = new TreeSet<>(Ids.ORDER);
    }

    /** The latest line of an employee in one month, for a flag's team when there is no rep row. */
    private record Latest(LocalDate date, String teamId) {
        Latest later(Latest other) {
            int c = other.date.compareTo(date);
            return c > 0 || (c == 0 && Ids.ORDER.compare(other.teamId, teamId) > 0) ? other : this;
        }
    }

    private final AttainmentSettings settings;
    private final LocalDate asOf;
    private final List<Period> pullInPeriods = new ArrayList<>();
    private final YearMonth firstCancelMonth;
    private final YearMonth lastCancelMonth;
    private final Map<Period, Map<String, Candidate>> pullIns = new HashMap<>();
    private final Map<YearMonth, Map<String, Candidate>> cancels = new HashMap<>();
    private final Map<String, TreeMap<YearMonth, Latest>> latestByMonth = new HashMap<>();

    Flags(RunPlan plan, AttainmentSettings settings) {
        this.settings = settings;
        this.asOf = plan.asOf();
        pullInPeriods.add(plan.latestClosedMonth());
        if (!plan.latestClosedQuarter().equals(plan.latestClosedMonth())) {
            pullInPeriods.add(plan.latestClosedQuarter());
        }
        // Closed months whose first day is ≥ S (S is always the first day of a month).
        this.firstCancelMonth = YearMonth.from(plan.readStart().minusDays(1)).plusMonths(1);
        this.lastCancelMonth = YearMonth.from(plan.latestClosedMonth().start());
    }

    void accept(CreditLine line) {
        latestByMonth.computeIfAbsent(line.employeeId(), k -> new TreeMap<>())
                .merge(YearMonth.from(line.lineDate()), new Latest(line.lineDate(), line.teamId()), Latest::later);
        if (line.reversal() || line.amountBase().signum() <= 0) {
            return;
        }
        for (Period p : pullInPeriods) {
            if (p.contains(line.lineDate())) {
                Candidate c = pullIns.computeIfAbsent(p, k -> new HashMap<>())
                        .computeIfAbsent(line.employeeId(), k -> new Candidate());
                c.total = c.total.add(line.amountBase());
                if (!line.lineDate().isBefore(p.end().minusDays(settings.pullInDays() - 1L))) {
                    c.flagged = c.flagged.add(line.amountBase());
                    c.bookingIds.add(line.bookingId());
                }
            }
        }
        YearMonth month = YearMonth.from(line.lineDate());
        LocalDate cancelled = line.cancelledDate();
        if (cancelled != null && !month.isBefore(firstCancelMonth) && !month.isAfter(lastCancelMonth)) {
            LocalDate monthEnd = month.atEndOfMonth();
            if (cancelled.isAfter(monthEnd) && !cancelled.isAfter(monthEnd.plusDays(settings.cancelWindowDays()))
                    && !cancelled.isAfter(asOf)) {
                Candidate c = cancels.computeIfAbsent(month, k -> new HashMap<>())
                        .computeIfAbsent(line.employeeId(), k -> new Candidate());
                c.flagged = c.flagged.add(line.amountBase());
                c.bookingIds.add(line.bookingId());
            }
        }
    }

    /** @param repRowTeam the employee's rep-row team, when the employee has a rep row */
    List<Flag> finish(Function<String, Optional<String>> repRowTeam) {
        List<Flag> flags = new ArrayList<>();
        for (Period p : pullInPeriods) {
            for (Map.Entry<String, Candidate> e : pullIns.getOrDefault(p, Map.of()).entrySet()) {
                Candidate c = e.getValue();
                if (c.total.compareTo(settings.pullInMinCredit()) >= 0
                        && c.flagged.compareTo(c.total.multiply(settings.pullInShare())) >= 0) {
                    flags.add(new Flag(FlagType.PERIOD_END_PULL_IN, e.getKey(), team(e.getKey(), p, repRowTeam),
                            p, List.copyOf(c.bookingIds), c.flagged));
                }
            }
        }
        for (Map.Entry<YearMonth, Map<String, Candidate>> month : cancels.entrySet()) {
            Period p = new Period(month.getKey().atDay(1), month.getKey().atEndOfMonth());
            for (Map.Entry<String, Candidate> e : month.getValue().entrySet()) {
                flags.add(new Flag(FlagType.CANCELLED_AFTER_CREDIT, e.getKey(), team(e.getKey(), p, repRowTeam),
                        p, List.copyOf(e.getValue().bookingIds), e.getValue().flagged));
            }
        }
        flags.sort(ResultOrder.FLAGS);
        return flags;
    }

    private String team(String employeeId, Period p, Function<String, Optional<String>> repRowTeam) {
        return repRowTeam.apply(employeeId).orElseGet(() -> latestByMonth.getOrDefault(employeeId, new TreeMap<>())
                .subMap(YearMonth.from(p.start()), true, YearMonth.from(p.end()), true).values().stream()
                .reduce(Latest::later).map(Latest::teamId).orElse(""));
    }
}
