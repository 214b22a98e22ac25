package com.salesops.packets.credit;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.source.Booking;
import com.salesops.packets.source.BookingCredit;
import com.salesops.packets.source.Ids;
import com.salesops.packets.source.Membership;
import com.salesops.packets.source.Org;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one booking the run read into credit lines or one reject (docs/numbers.md §2, §9). Pure: the
 * same booking, plan and org always give the same outcome, lines in the same order.
 */
public final class Crediting {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal SPLIT_TOLERANCE = new BigDecimal("0.01");
    private static final Comparator<BookingCredit> BY_EMPLOYEE =
            Comparator.comparing(BookingCredit::employeeId, Ids.ORDER);

    private final Period readRange;
    private final LocalDate asOf;
    private final Org org;

    public Crediting(RunPlan plan, Org org) {
        this.readRange = plan.readRange();
        this.asOf = plan.asOf();
        this.org = org;
    }

    /**
     * @throws IllegalArgumentException for a booking the run does not read (neither dated nor
     *                                  cancelled in [S, D]): the reader must not pass it
     */
    public CreditOutcome credit(Booking b) {
        boolean datedInRun = b.bookingDate() != null && readRange.contains(b.bookingDate());
        boolean cancelledInRun = b.cancelledDate() != null && readRange.contains(b.cancelledDate());
        if (!datedInRun && !cancelledInRun) {
            throw new IllegalArgumentException("booking " + b.id() + " is neither dated nor cancelled in " + readRange);
        }
        List<BookingCredit> credits = new ArrayList<>(b.credits());
        credits.sort(BY_EMPLOYEE);

        Optional<Reject> reject = firstProblem(b, credits);
        if (reject.isPresent()) {
            return new CreditOutcome.Rejected(reject.get());
        }
        return credited(b, credits, datedInRun);
    }

    private Optional<Reject> firstProblem(Booking b, List<BookingCredit> credits) {
        for (BookingCredit c : credits) {
            if (c.employeeId() == null || org.employee(c.employeeId()).isEmpty()) {
                return reject(b, RejectReason.UNKNOWN_EMPLOYEE, "employee " + c.employeeId() + " is not in employee");
            }
        }
        if (b.bookingDate() == null) {
            // Without a date no membership can cover it (the column is NOT NULL in the contract).
            return reject(b, RejectReason.NO_TEAM_ON_DATE, "the booking has no booking_date");
        }
        for (BookingCredit c : credits) {
            int covering = covering(c.employeeId(), b.bookingDate()).size();
            if (covering == 0) {
                return reject(b, RejectReason.NO_TEAM_ON_DATE,
                        "employee " + c.employeeId() + " has no team membership on " + b.bookingDate());
            }
        }
        for (BookingCredit c : credits) {
            List<Membership> covering = covering(c.employeeId(), b.bookingDate());
            if (covering.size() > 1) {
                List<String> teams = covering.stream().map(Membership::teamId).sorted(Ids.ORDER).toList();
                return reject(b, RejectReason.AMBIGUOUS_TEAM, "employee " + c.employeeId()
                        + " has " + covering.size() + " memberships on " + b.bookingDate() + ": " + String.join(", ", teams));
            }
        }
        if (org.fx().rate(b.currency(), b.bookingDate()).isEmpty()) {
            return reject(b, RejectReason.MISSING_FX_RATE, "no rate for currency " + b.currency()
                    + " in or before " + YearMonth.from(b.bookingDate()));
        }
        if (credits.isEmpty()) {
            return reject(b, RejectReason.NO_CREDIT, "the booking has no booking_credit rows");
        }
        Optional<BigDecimal> primarySum = primarySplitSum(credits);
        // A PRIMARY row without a split cannot be summed; INVALID_SPLIT names it below.
        if (primarySum.isPresent() && primarySum.get().subtract(HUNDRED).abs().compareTo(SPLIT_TOLERANCE) > 0) {
            return reject(b, RejectReason.SPLIT_SUM, "PRIMARY splits sum to " + primarySum.get().setScale(2, RoundingMode.HALF_UP));
        }
        Set<String> employees = new HashSet<>();
        for (BookingCredit c : credits) {
            BigDecimal split = c.splitPercent();
            if (split == null || split.signum() <= 0 || split.compareTo(HUNDRED) > 0) {
                return reject(b, RejectReason.INVALID_SPLIT, "split of employee " + c.employeeId() + " is "
                        + (split == null ? "missing" : split.toPlainString()));
            }
            if (!employees.add(c.employeeId())) {
                return reject(b, RejectReason.INVALID_SPLIT, "employee " + c.employeeId() + " has more than one credit row");
            }
        }
        if (b.amount() == null || b.amount().signum() <= 0) {
            return reject(b, RejectReason.INVALID_AMOUNT, "amount is " + (b.amount() == null ? "missing" : b.amount().toPlainString()));
        }
        Optional<String> status = status(b.status());
        if (status.filter("CANCELLED"::equals).isPresent() && b.cancelledDate() == null) {
            return reject(b, RejectReason.CANCELLED_WITHOUT_DATE, "status is CANCELLED but cancelled_date is empty");
        }
        if (b.cancelledDate() != null && b.cancelledDate().isBefore(b.bookingDate())) {
            return reject(b, RejectReason.CANCELLED_BEFORE_BOOKED,
                    "cancelled on " + b.cancelledDate() + ", before it was booked on " + b.bookingDate());
        }
        if (status.isEmpty()) {
            return reject(b, RejectReason.INVALID_STATUS, "status '" + b.status() + "' is not BOOKED or CANCELLED");
        }
        for (BookingCredit c : credits) {
            if (CreditRole.parse(c.creditRole()).isEmpty()) {
                return reject(b, RejectReason.INVALID_STATUS, "credit role '" + c.creditRole() + "' of employee "
                        + c.employeeId() + " is not PRIMARY or OVERLAY");
            }
        }
        if (status.get().equals("BOOKED") && b.cancelledDate() != null) {
            return reject(b, RejectReason.INVALID_STATUS, "status is BOOKED but cancelled_date is " + b.cancelledDate());
        }
        return Optional.empty();
    }

    private CreditOutcome credited(Booking b, List<BookingCredit> credits, boolean datedInRun) {
        BigDecimal rate = org.fx().rate(b.currency(), b.bookingDate()).orElseThrow();
        // A cancellation after D has not happened yet as far as this run knows.
        LocalDate cancelled = status(b.status()).filter("CANCELLED"::equals).isPresent()
                && !b.cancelledDate().isAfter(asOf) ? b.cancelledDate() : null;
        List<CreditLine> originals = new ArrayList<>();
        List<CreditLine> reversals = new ArrayList<>();
        BigDecimal primarySum = BigDecimal.ZERO;
        int primaryCount = 0;
        for (BookingCredit c : credits) {
            CreditRole role = CreditRole.parse(c.creditRole()).orElseThrow();
            if (role == CreditRole.PRIMARY) {
                primarySum = primarySum.add(c.splitPercent());
                primaryCount++;
            }
            String team = covering(c.employeeId(), b.bookingDate()).get(0).teamId();
            BigDecimal amountBase = lineAmount(b.amount(), c.splitPercent(), rate);
            if (datedInRun) {
                originals.add(new CreditLine(b.id(), c.employeeId(), team, role, c.splitPercent(),
                        b.bookingDate(), amountBase, false, b.bookingDate(), cancelled));
            }
            if (cancelled != null) {
                reversals.add(new CreditLine(b.id(), c.employeeId(), team, role, c.splitPercent(),
                        cancelled, amountBase.negate(), true, b.bookingDate(), cancelled));
            }
        }
        List<CreditLine> lines = new ArrayList<>(originals);
        lines.addAll(reversals);
        CreditedBooking booking = new CreditedBooking(b.id(), b.bookingDate(), b.accountName(), b.bookingType(),
                b.channel(), b.partnerName(), b.amount(), b.currency(), rate, primarySum, primaryCount,
                cancelled, datedInRun);
        return new CreditOutcome.Credited(booking, lines);
    }

    /** round2(amount × split / 100 × rate): multiplied exactly, rounded once. */
    static BigDecimal lineAmount(BigDecimal amount, BigDecimal splitPercent, BigDecimal rate) {
        return amount.multiply(splitPercent).multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    /** The employee's memberships covering {@code day} (a plain loop: three calls per credit of every booking). */
    private List<Membership> covering(String employeeId, LocalDate day) {
        List<Membership> covering = new ArrayList<>(1);
        for (Membership m : org.membershipsOf(employeeId)) {
            if (m.covers(day)) {
                covering.add(m);
            }
        }
        return covering;
    }

    private static Optional<BigDecimal> primarySplitSum(List<BookingCredit> credits) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BookingCredit c : credits) {
            if (CreditRole.parse(c.creditRole()).filter(r -> r == CreditRole.PRIMARY).isPresent()) {
                if (c.splitPercent() == null) {
                    return Optional.empty();
                }
                sum = sum.add(c.splitPercent());
            }
        }
        return Optional.of(sum);
    }

    private static Optional<String> status(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        return s.equals("BOOKED") || s.equals("CANCELLED") ? Optional.of(s) : Optional.empty();
    }

    private static Optional<Reject> reject(Booking b, RejectReason reason, String detail) {
        return Optional.of(new Reject(b.id() == null ? "" : b.id(), reason, detail, b.amount(), b.currency()));
    }
}
