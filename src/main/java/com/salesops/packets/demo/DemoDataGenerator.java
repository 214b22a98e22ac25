package com.salesops.packets.demo;

import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Membership;
import com.salesops.packets.source.Team;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Fills a fresh source database (docs/architecture.md, "Source data") with demo data: creates the schema, then the org, quotas,
 * FX rates and bookings from the first day of the month {@link DemoSize#monthsOfHistory()} months
 * before the as-of date's month up to the as-of date (calendar-year fiscal), plus dirty rows for every
 * reject reason (docs/numbers.md §9). The same size, seed and as-of date always give the same rows.
 * Bookings are streamed in JDBC batches, so memory does not grow with their number.
 */
public final class DemoDataGenerator {

    private static final String[] FX_CURRENCIES = {"USD", "EUR", "GBP"};
    private static final double[] FX_START = {1.0, 1.08, 1.27};
    /** GBP has no rate for the latest month, so crediting falls back to the month before. */
    private static final String FX_LATE_CURRENCY = "GBP";
    private static final BigDecimal CURRENT_YEAR_QUOTA_RAISE = new BigDecimal("1.05");

    private final DemoSize size;

    public DemoDataGenerator(DemoSize size) {
        this.size = Objects.requireNonNull(size, "size");
    }

    public DemoSize size() {
        return size;
    }

    /** Creates the schema in {@code source} (a fresh database) and inserts the demo data as of {@code asOf}. */
    public DemoSummary generate(DataSource source, LocalDate asOf) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        try (Connection connection = source.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                SourceSchema.create(connection);
                connection.setAutoCommit(false);
                DemoSummary summary = write(connection, asOf);
                connection.commit();
                return summary;
            } catch (SQLException | RuntimeException e) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not generate demo data: " + e.getMessage(), e);
        }
    }

    private DemoSummary write(Connection connection, LocalDate asOf) throws SQLException {
        SplittableRandom random = new SplittableRandom(size.seed());
        DemoOrg org = DemoOrg.build(size, asOf, random);
        List<List<String>> accounts = org.accounts();
        writeOrg(connection, org);
        int repQuotas = writeRepQuotas(connection, org);
        int teamQuotas = writeTeamQuotas(connection, org);
        int fxRates = writeFxRates(connection, org, random);
        try (BatchInserter bookings = new BatchInserter(connection,
                "INSERT INTO booking (booking_id, booking_date, account_name, amount, currency, booking_type,"
                        + " channel, partner_name, status, cancelled_date, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
             BatchInserter credits = new BatchInserter(connection,
                     "INSERT INTO booking_credit (booking_id, employee_id, credit_role, split_percent) VALUES (?,?,?,?)")) {
            DemoBookings generator = new DemoBookings(org, size, random, accounts, bookings, credits);
            generator.writeNormal();
            generator.writeDirty();
            bookings.flush();
            credits.flush();
            return new DemoSummary(asOf, org.firstDay, org.employees.size(), org.teams.size(),
                    org.memberships.size(), repQuotas, teamQuotas, fxRates, bookings.written(), credits.written(),
                    generator.dirtyBookings(), generator.oddButValidBookings());
        }
    }

    private static void writeOrg(Connection connection, DemoOrg org) throws SQLException {
        try (BatchInserter employees = new BatchInserter(connection,
                "INSERT INTO employee (employee_id, full_name, email, hire_date, termination_date) VALUES (?,?,?,?,?)")) {
            for (Employee e : org.employees) {
                employees.add(e.id(), e.fullName(), e.email(), e.hireDate(), e.terminationDate());
            }
        }
        try (BatchInserter teams = new BatchInserter(connection,
                "INSERT INTO sales_team (team_id, name, parent_team_id, manager_id) VALUES (?,?,?,?)")) {
            for (Team t : org.teams) {
                teams.add(t.id(), t.name(), t.parentId(), t.managerId());
            }
        }
        try (BatchInserter memberships = new BatchInserter(connection,
                "INSERT INTO team_membership (employee_id, team_id, role, valid_from, valid_to) VALUES (?,?,?,?,?)")) {
            for (Membership m : org.memberships) {
                memberships.add(m.employeeId(), m.teamId(), m.role().name(), m.validFrom(), m.validTo());
            }
        }
    }

    /** Every rep and overlay specialist, every month of the as-of fiscal year and the one before, while employed. */
    private static int writeRepQuotas(Connection connection, DemoOrg org) throws SQLException {
        List<Seller> sellers = new ArrayList<>(org.reps);
        sellers.addAll(org.overlays);
        try (BatchInserter quotas = new BatchInserter(connection,
                "INSERT INTO rep_quota (employee_id, `month`, amount, currency) VALUES (?,?,?,?)")) {
            for (Seller seller : sellers) {
                for (YearMonth month : quotaMonths(org.asOf)) {
                    if (employedIn(seller.employee(), month)) {
                        quotas.add(seller.id(), month.atDay(1), repQuota(seller, month, org.asOf), seller.currency());
                    }
                }
            }
            return quotas.written();
        }
    }

    /** Over-assigned teams: a factor times the quotas of the reps who are members in the month. */
    private static int writeTeamQuotas(Connection connection, DemoOrg org) throws SQLException {
        try (BatchInserter quotas = new BatchInserter(connection,
                "INSERT INTO team_quota (team_id, `month`, amount, currency) VALUES (?,?,?,?)")) {
            for (Map.Entry<String, BigDecimal> team : org.overAssignedTeams.entrySet()) {
                for (YearMonth month : quotaMonths(org.asOf)) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (Seller rep : org.repsByTeam.get(team.getKey())) {
                        if (employedIn(rep.employee(), month) && memberIn(rep, team.getKey(), month)) {
                            sum = sum.add(repQuota(rep, month, org.asOf));
                        }
                    }
                    if (sum.signum() > 0) {
                        quotas.add(team.getKey(), month.atDay(1),
                                sum.multiply(team.getValue()).setScale(2, RoundingMode.HALF_UP),
                                org.teamCurrency.get(team.getKey()));
                    }
                }
            }
            return quotas.written();
        }
    }

    /** Monthly rates from the earliest month needed to the as-of month, drifting slowly; GBP lacks the last. */
    private static int writeFxRates(Connection connection, DemoOrg org, SplittableRandom random) throws SQLException {
        YearMonth first = YearMonth.from(org.firstDay);
        YearMonth quotaStart = YearMonth.of(org.asOf.getYear() - 1, 1);
        if (quotaStart.isBefore(first)) {
            first = quotaStart;
        }
        YearMonth last = YearMonth.from(org.asOf);
        try (BatchInserter rates = new BatchInserter(connection,
                "INSERT INTO fx_rate (currency, `month`, rate_to_base) VALUES (?,?,?)")) {
            for (int c = 0; c < FX_CURRENCIES.length; c++) {
                double rate = FX_START[c];
                for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                    if (c > 0) {
                        rate *= 1 + (random.nextDouble() - 0.5) * 0.02;
                    }
                    if (FX_CURRENCIES[c].equals(FX_LATE_CURRENCY) && month.equals(last)) {
                        continue;
                    }
                    rates.add(FX_CURRENCIES[c], month.atDay(1), BigDecimal.valueOf(rate).setScale(8, RoundingMode.HALF_UP));
                }
            }
            return rates.written();
        }
    }

    private static List<YearMonth> quotaMonths(LocalDate asOf) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(asOf.getYear() - 1, 1); m.getYear() <= asOf.getYear(); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static BigDecimal repQuota(Seller seller, YearMonth month, LocalDate asOf) {
        BigDecimal amount = seller.monthlyQuota();
        return month.getYear() == asOf.getYear()
                ? amount.multiply(CURRENT_YEAR_QUOTA_RAISE).setScale(2, RoundingMode.HALF_UP)
                : amount;
    }

    private static boolean employedIn(Employee e, YearMonth month) {
        return !e.hireDate().isAfter(month.atEndOfMonth())
                && (e.terminationDate() == null || !e.terminationDate().isBefore(month.atDay(1)));
    }

    private static boolean memberIn(Seller rep, String teamId, YearMonth month) {
        for (Membership m : rep.memberships()) {
            if (m.teamId().equals(teamId) && !m.validFrom().isAfter(month.atEndOfMonth())
                    && (m.validTo() == null || m.validTo().isAfter(month.atDay(1)))) {
                return true;
            }
        }
        return false;
    }
}
