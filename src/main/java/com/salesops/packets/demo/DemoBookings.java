package com.salesops.packets.demo;

import com.salesops.packets.credit.RejectReason;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes the bookings day by day, each with its credits, straight into the batch inserters: the
 * normal stream ({@code BK-0000001} ...), then the dirty bookings ({@code BK-DIRTY-<REASON>-n}) and
 * the odd but valid ones ({@code BK-ODD-n}), all dated in the as-of month so every run reads them.
 */
final class DemoBookings {

    private record Credit(String employeeId, String role, BigDecimal split) {
    }

    private static final String PRIMARY = "PRIMARY";
    private static final String OVERLAY = "OVERLAY";
    private static final String BOOKED = "BOOKED";
    private static final String CANCELLED = "CANCELLED";
    private static final int[][] SPLITS = {{60, 40}, {50, 50}, {70, 30}, {75, 25}};
    private static final double AMOUNT_SIGMA = 0.9;
    /** Average monthly quota, so that the reps land around their quota on average. */
    private static final double MEAN_MONTHLY_QUOTA = 80_000;

    private final DemoOrg org;
    private final DemoSize size;
    private final SplittableRandom random;
    private final List<List<String>> accounts;
    private final BatchInserter bookings;
    private final BatchInserter credits;
    private final double meanAmount;
    private final Map<String, RejectReason> dirty = new TreeMap<>();
    private final List<String> odd = new ArrayList<>();
    private int sequence;
    private int dirtyDays;

    DemoBookings(DemoOrg org, DemoSize size, SplittableRandom random, List<List<String>> accounts,
                 BatchInserter bookings, BatchInserter credits) {
        this.org = org;
        this.size = size;
        this.random = random;
        this.accounts = accounts;
        this.bookings = bookings;
        this.credits = credits;
        this.meanAmount = MEAN_MONTHLY_QUOTA * 12 * size.reps() / size.bookingsPerYear();
    }

    Map<String, RejectReason> dirtyBookings() {
        return dirty;
    }

    List<String> oddButValidBookings() {
        return odd;
    }

    /** About {@link DemoSize#expectedBookings} bookings, more on weekdays and at month and quarter ends. */
    void writeNormal() throws SQLException {
        double totalWeight = 0;
        for (LocalDate d = org.firstDay; !d.isAfter(org.asOf); d = d.plusDays(1)) {
            totalWeight += weight(d);
        }
        double perWeight = size.expectedBookings(org.asOf) / totalWeight;
        double carry = random.nextDouble();
        for (LocalDate d = org.firstDay; !d.isAfter(org.asOf); d = d.plusDays(1)) {
            carry += weight(d) * perWeight;
            int count = (int) carry;
            carry -= count;
            for (int i = 0; i < count; i++) {
                writeNormal(d);
            }
        }
    }

    private void writeNormal(LocalDate day) throws SQLException {
        Seller rep = activeRep(day, null);
        LocalDate date = day;
        int closerIndex = org.closers.indexOf(rep);
        boolean closer = closerIndex >= 0;
        // closers pull most of their deals into the last 3 days of the period (PERIOD_END_PULL_IN):
        // the first closer to the quarter end while it is not in the future, the others to the month end
        if (closer && !inLastDays(day) && random.nextInt(4) != 0) {
            int back = random.nextInt(3);
            LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
            LocalDate quarterEnd = monthEnd.plusMonths((3 - day.getMonthValue() % 3) % 3);
            quarterEnd = quarterEnd.withDayOfMonth(quarterEnd.lengthOfMonth()).minusDays(back);
            LocalDate moved = closerIndex == 0 && !quarterEnd.isAfter(org.asOf) ? quarterEnd : monthEnd.minusDays(back);
            if (!moved.isAfter(org.asOf) && rep.activeOn(moved)) {
                date = moved;
            }
        }
        BigDecimal amount = amount(rep.skill() * (closer ? 1.5 : 1.0));
        String type = bookingType();
        boolean partner = random.nextInt(4) == 0;
        String partnerName = partner ? org.names().partner() : null;
        List<String> regionAccounts = accounts.get(rep.region());
        String account = regionAccounts.get(random.nextInt(regionAccounts.size()));

        List<Credit> lines = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            Seller other = random.nextInt(10) < 6 ? teammate(rep, date) : null;
            if (other == null) {
                other = activeRep(date, rep);
            }
            int[] split = SPLITS[random.nextInt(SPLITS.length)];
            lines.add(new Credit(rep.id(), PRIMARY, percent(split[0])));
            lines.add(new Credit(other.id(), PRIMARY, percent(split[1])));
        } else {
            lines.add(new Credit(rep.id(), PRIMARY, percent(100)));
        }
        if (random.nextInt(100) < 8) {
            Seller overlay = org.overlays.get(random.nextInt(org.overlays.size()));
            if (overlay.activeOn(date)) {
                lines.add(new Credit(overlay.id(), OVERLAY, percent(random.nextInt(10) < 7 ? 100 : 50)));
            }
        }

        String status = BOOKED;
        LocalDate cancelled = null;
        if (random.nextInt(1000) < 35) {
            LocalDate cancel = cancellationDate(date);
            // data is as of the as-of date: a cancellation after it has not happened yet
            if (!cancel.isAfter(org.asOf)) {
                status = CANCELLED;
                cancelled = cancel;
            }
        }
        LocalDateTime updatedAt = (cancelled != null ? cancelled : date)
                .atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60));
        write(String.format("BK-%07d", ++sequence), date, account, amount, rep.currency(), type,
                partner ? "PARTNER" : "DIRECT", partnerName, status, cancelled, updatedAt, lines);
    }

    /** Half in the same month, a third within 30 days after the month end (CANCELLED_AFTER_CREDIT), the rest later. */
    private LocalDate cancellationDate(LocalDate date) {
        LocalDate monthEnd = date.withDayOfMonth(date.lengthOfMonth());
        int kind = random.nextInt(20);
        if (kind < 10) {
            return date.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(date, monthEnd) + 1));
        }
        if (kind < 17) {
            return monthEnd.plusDays(1 + random.nextInt(30));
        }
        return monthEnd.plusDays(31 + random.nextInt(60));
    }

    /** A handful of bookings for each reject reason, each failing only the check it is named for. */
    void writeDirty() throws SQLException {
        Seller a = org.steadyReps.get(0);
        Seller b = org.steadyReps.get(1);
        Seller overlay = org.overlays.get(0);
        String ambiguous = org.ambiguous.id();

        dirty(RejectReason.UNKNOWN_EMPLOYEE, "USD", BOOKED, null, primary("E99999", 100));
        // ids are matched exactly: a lower-case id names no one
        dirty(RejectReason.UNKNOWN_EMPLOYEE, "USD", BOOKED, null,
                primary(a.id(), 50), primary(b.id().toLowerCase(Locale.ROOT), 50));

        dirty(RejectReason.NO_TEAM_ON_DATE, "USD", BOOKED, null, primary(org.firstLineManager.id(), 100));
        dirty(RejectReason.NO_TEAM_ON_DATE, "USD", BOOKED, null, primary(org.terminated.id(), 100));

        dirty(RejectReason.AMBIGUOUS_TEAM, "USD", BOOKED, null, primary(ambiguous, 100));
        dirty(RejectReason.AMBIGUOUS_TEAM, "USD", BOOKED, null, primary(a.id(), 50), primary(ambiguous, 50));

        // yen amounts, in a currency without any rate
        writeDirty(RejectReason.MISSING_FX_RATE, dirtyDay(), new BigDecimal("1250000.00"), "JPY", BOOKED, null,
                List.of(primary(a.id(), 100)));
        writeDirty(RejectReason.MISSING_FX_RATE, dirtyDay(), new BigDecimal("480000.00"), "jpy", BOOKED, null,
                List.of(primary(b.id(), 100)));

        dirty(RejectReason.NO_CREDIT, "USD", BOOKED, null);
        dirty(RejectReason.NO_CREDIT, "EUR", BOOKED, null);

        dirty(RejectReason.SPLIT_SUM, "USD", BOOKED, null, primary(a.id(), 90));
        dirty(RejectReason.SPLIT_SUM, "USD", BOOKED, null, primary(a.id(), 100), primary(b.id(), 50));
        dirty(RejectReason.SPLIT_SUM, "USD", BOOKED, null, new Credit(overlay.id(), OVERLAY, percent(100)));

        // primary splits add up to 100 in each, so SPLIT_SUM does not apply first
        dirty(RejectReason.INVALID_SPLIT, "USD", BOOKED, null,
                primary(a.id(), 100), new Credit(overlay.id(), OVERLAY, percent(0)));
        dirty(RejectReason.INVALID_SPLIT, "USD", BOOKED, null, primary(a.id(), 110), primary(b.id(), -10));
        dirty(RejectReason.INVALID_SPLIT, "USD", BOOKED, null,
                primary(a.id(), 100), new Credit(overlay.id(), OVERLAY, percent(150)));
        dirty(RejectReason.INVALID_SPLIT, "USD", BOOKED, null, primary(b.id(), 50), primary(b.id(), 50));

        writeDirty(RejectReason.INVALID_AMOUNT, dirtyDay(), BigDecimal.ZERO.setScale(2), "USD", BOOKED, null,
                List.of(primary(a.id(), 100)));
        writeDirty(RejectReason.INVALID_AMOUNT, dirtyDay(), new BigDecimal("-1500.00"), "USD", BOOKED, null,
                List.of(primary(b.id(), 100)));

        dirty(RejectReason.CANCELLED_WITHOUT_DATE, "USD", CANCELLED, null, primary(a.id(), 100));
        dirty(RejectReason.CANCELLED_WITHOUT_DATE, "USD", " cancelled", null, primary(b.id(), 100));

        LocalDate booked = dirtyDay();
        writeDirty(RejectReason.CANCELLED_BEFORE_BOOKED, booked, amount(1.0), "USD", CANCELLED, booked.minusDays(5),
                List.of(primary(a.id(), 100)));
        // dated after the as-of date but cancelled by it: still read, still rejected
        writeDirty(RejectReason.CANCELLED_BEFORE_BOOKED, org.asOf.plusDays(7), amount(1.0), "USD", CANCELLED,
                org.asOf, List.of(primary(b.id(), 100)));

        dirty(RejectReason.INVALID_STATUS, "USD", "PENDING", null, primary(a.id(), 100));
        LocalDate day = dirtyDay();
        writeDirty(RejectReason.INVALID_STATUS, day, amount(1.0), "USD", BOOKED, day, List.of(primary(b.id(), 100)));
        dirty(RejectReason.INVALID_STATUS, "USD", BOOKED, null,
                primary(a.id(), 100), new Credit(b.id(), "SPLIT", percent(50)));

        writeOdd(" booked ", "USD", null, List.of(primary(a.id(), 100)));
        LocalDate oddDay = dirtyDay();
        writeOdd("Cancelled", "USD", oddDay, List.of(primary(b.id(), 100)));
        // currency is CHAR(3): odd case is the only dirt it can hold
        writeOdd(BOOKED, "eur", null, List.of(primary(a.id(), 100)));
        writeOdd("booked", "USD", null, List.of(new Credit(b.id(), " primary ", percent(100))));
    }

    private void dirty(RejectReason reason, String currency, String status, LocalDate cancelled, Credit... lines)
            throws SQLException {
        writeDirty(reason, dirtyDay(), amount(1.0), currency, status, cancelled, List.of(lines));
    }

    private void writeDirty(RejectReason reason, LocalDate date, BigDecimal amount, String currency, String status,
                            LocalDate cancelled, List<Credit> lines) throws SQLException {
        long n = dirty.values().stream().filter(reason::equals).count() + 1;
        String id = "BK-DIRTY-" + reason.name().replace('_', '-') + "-" + n;
        write(id, date, account(), amount, currency, "NEW", "DIRECT", null, status, cancelled,
                date.atTime(12, 0), lines);
        dirty.put(id, reason);
    }

    private void writeOdd(String status, String currency, LocalDate cancelled, List<Credit> lines) throws SQLException {
        String id = "BK-ODD-" + (odd.size() + 1);
        LocalDate date = cancelled != null ? cancelled : dirtyDay();
        write(id, date, account(), amount(1.0), currency, "EXPANSION", "DIRECT", null, status, cancelled,
                date.atTime(12, 0), lines);
        odd.add(id);
    }

    private void write(String id, LocalDate date, String account, BigDecimal amount, String currency, String type,
                       String channel, String partnerName, String status, LocalDate cancelled,
                       LocalDateTime updatedAt, List<Credit> lines) throws SQLException {
        bookings.add(id, date, account, amount, currency, type, channel, partnerName, status, cancelled, updatedAt);
        for (Credit line : lines) {
            credits.add(id, line.employeeId(), line.role(), line.split());
        }
    }

    /** Days of the as-of month up to the as-of date, counting back, so the run reads them. */
    private LocalDate dirtyDay() {
        return org.asOf.minusDays(dirtyDays++ % org.asOf.getDayOfMonth());
    }

    private Seller activeRep(LocalDate day, Seller not) {
        List<Seller> reps = org.reps;
        for (int attempt = 0; attempt < 50; attempt++) {
            Seller rep = reps.get(random.nextInt(reps.size()));
            if (rep != not && rep.activeOn(day)) {
                return rep;
            }
        }
        int start = random.nextInt(reps.size());
        for (int i = 0; i < reps.size(); i++) {
            Seller rep = reps.get((start + i) % reps.size());
            if (rep != not && rep.activeOn(day)) {
                return rep;
            }
        }
        throw new IllegalStateException("No active rep on " + day);
    }

    private Seller teammate(Seller rep, LocalDate day) {
        List<Seller> team = org.repsByTeam.get(rep.teamOn(day));
        for (int attempt = 0; attempt < 20; attempt++) {
            Seller other = team.get(random.nextInt(team.size()));
            if (other != rep && other.activeOn(day) && other.teamOn(day).equals(rep.teamOn(day))) {
                return other;
            }
        }
        return null;
    }

    /** Log-normal around the mean deal size, whole units mostly, never below 250. */
    private BigDecimal amount(double factor) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        double gaussian = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        double value = meanAmount * factor * Math.exp(AMOUNT_SIGMA * gaussian - AMOUNT_SIGMA * AMOUNT_SIGMA / 2);
        long cents = random.nextInt(5) == 0 ? Math.round(value * 100) : Math.round(value) * 100;
        return BigDecimal.valueOf(Math.max(cents, 25_000), 2);
    }

    private String bookingType() {
        int r = random.nextInt(100);
        return r < 40 ? "NEW" : r < 75 ? "EXPANSION" : "RENEWAL";
    }

    private String account() {
        List<String> regionAccounts = accounts.get(0);
        return regionAccounts.get(random.nextInt(regionAccounts.size()));
    }

    private static double weight(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        double weight = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.25 : 1.0;
        if (inLastDays(day)) {
            weight *= day.getMonthValue() % 3 == 0 ? 1.8 : 1.4;
        }
        return weight;
    }

    /** One of the last 3 days of its month. */
    private static boolean inLastDays(LocalDate day) {
        return day.getDayOfMonth() > day.lengthOfMonth() - 3;
    }

    private static Credit primary(String employeeId, int percent) {
        return new Credit(employeeId, PRIMARY, percent(percent));
    }

    private static BigDecimal percent(int value) {
        return BigDecimal.valueOf(value).setScale(2);
    }
}
