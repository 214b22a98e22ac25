package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.source.Ids;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            return isBefore(other.date, other.teamId) ? other : this;
        }

        /** Whether a line on {@code otherDate} booked to {@code otherTeam} is later than this one. */
        boolean isBefore(LocalDate otherDate, String otherTeam) {
            int c = otherDate.compareTo(date);
            return c > 0 || (c == 0 && Ids.ORDER.compare(otherTeam, teamId) > 0);
        }
    }

    private final AttainmentSettings settings;
    private final LocalDate asOf;
    private final List<Period> pullInPeriods = new ArrayList<>();
    private final YearMonth firstCancelMonth;
    private final YearMonth lastCancelMonth;
    /** Per pull-in period (same index): the candidates by employee, and the first day of its last days. */
    private final List<Map<String, Candidate>> pullIns = new ArrayList<>();
    private final List<LocalDate> pullInLastDaysFrom = new ArrayList<>();
    private final Map<YearMonth, Map<String, Candidate>> cancels = new HashMap<>();
    /** The run's months (S .. D) as proleptic month numbers: an employee's latest line per month is kept by index. */
    private final YearMonth firstRunYearMonth;
    private final long firstRunMonth;
    private final int runMonths;
    private final Map<String, LatestByMonth> latestByMonth = new HashMap<>();

    /**
     * An employee's latest line in each of the run's months. A flag's period lies within [S, D] (the
     * latest closed month and quarter, and closed months from S's: {@link RunPlan}), so a line dated
     * outside the run's months (an original line of a booking cancelled in the run) names no flag's team
     * and is not kept.
     */
    private static final class LatestByMonth {
        final Latest[] inRun;

        LatestByMonth(int runMonths) {
            this.inRun = new Latest[runMonths];
        }
    }

    Flags(RunPlan plan, AttainmentSettings settings) {
        this.settings = settings;
        this.asOf = plan.asOf();
        pullInPeriods.add(plan.latestClosedMonth());
        if (!plan.latestClosedQuarter().equals(plan.latestClosedMonth())) {
            pullInPeriods.add(plan.latestClosedQuarter());
        }
        for (Period p : pullInPeriods) {
            pullIns.add(new HashMap<>());
            pullInLastDaysFrom.add(p.end().minusDays(settings.pullInDays() - 1L));
        }
        // Closed months whose first day is ≥ S (S is always the first day of a month).
        this.firstCancelMonth = YearMonth.from(plan.readStart().minusDays(1)).plusMonths(1);
        this.lastCancelMonth = YearMonth.from(plan.latestClosedMonth().start());
        this.firstRunYearMonth = YearMonth.from(plan.readStart());
        this.firstRunMonth = firstRunYearMonth.getLong(ChronoField.PROLEPTIC_MONTH);
        this.runMonths = (int) (YearMonth.from(asOf).getLong(ChronoField.PROLEPTIC_MONTH) - firstRunMonth + 1);
    }

    void accept(CreditLine line) {
        remember(line);
        if (line.reversal() || line.amountBase().signum() <= 0) {
            return;
        }
        for (int i = 0; i < pullInPeriods.size(); i++) {
            if (pullInPeriods.get(i).contains(line.lineDate())) {
                Candidate c = pullIns.get(i).computeIfAbsent(line.employeeId(), k -> new Candidate());
                c.total = c.total.add(line.amountBase());
                if (!line.lineDate().isBefore(pullInLastDaysFrom.get(i))) {
                    c.flagged = c.flagged.add(line.amountBase());
                    c.bookingIds.add(line.bookingId());
                }
            }
        }
        LocalDate cancelled = line.cancelledDate();
        if (cancelled == null) {
            return;
        }
        YearMonth month = YearMonth.from(line.lineDate());
        if (!month.isBefore(firstCancelMonth) && !month.isAfter(lastCancelMonth)) {
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
        for (int i = 0; i < pullInPeriods.size(); i++) {
            Period p = pullInPeriods.get(i);
            for (Map.Entry<String, Candidate> e : pullIns.get(i).entrySet()) {
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

    /** Keeps the line as its employee's latest in its month when it is (by date, then team id). */
    private void remember(CreditLine line) {
        LatestByMonth months = latestByMonth.get(line.employeeId());
        if (months == null) {
            months = new LatestByMonth(runMonths);
            latestByMonth.put(line.employeeId(), months);
        }
        long index = line.lineDate().getLong(ChronoField.PROLEPTIC_MONTH) - firstRunMonth;
        if (index >= 0 && index < runMonths) {
            Latest latest = months.inRun[(int) index];
            if (latest == null || latest.isBefore(line.lineDate(), line.teamId())) {
                months.inRun[(int) index] = new Latest(line.lineDate(), line.teamId());
            }
        }
    }

    /** The flag's team: the employee's rep-row team, else the team of their latest line in the flag's period. */
    private String team(String employeeId, Period p, Function<String, Optional<String>> repRowTeam) {
        return repRowTeam.apply(employeeId).orElseGet(() -> {
            LatestByMonth months = latestByMonth.get(employeeId);
            if (months == null) {
                return "";
            }
            YearMonth first = YearMonth.from(p.start());
            YearMonth last = YearMonth.from(p.end());
            List<Latest> candidates = new ArrayList<>();
            for (int i = 0; i < runMonths; i++) {
                YearMonth month = firstRunYearMonth.plusMonths(i);
                if (!month.isBefore(first) && !month.isAfter(last) && months.inRun[i] != null) {
                    candidates.add(months.inRun[i]);
                }
            }
            // "later" is a maximum (date, then team id), so the order of the candidates does not matter
            return candidates.stream().reduce(Latest::later).map(Latest::teamId).orElse("");
        });
    }

}
