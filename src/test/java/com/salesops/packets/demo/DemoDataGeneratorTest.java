package com.salesops.packets.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.credit.RejectReason;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The small demo generated once into MariaDB as of 2026-11-26 (a nightly run: S = 2026-01-01). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    private static final LocalDate RUN_START = LocalDate.of(2026, 1, 1);
    private static final Map<String, Integer> TABLE_COLUMNS = Map.of("employee", 5, "sales_team", 4,
            "team_membership", 5, "rep_quota", 4, "team_quota", 4, "booking", 11, "booking_credit", 4, "fx_rate", 3);

    private TestDatabases.MariaDb db;
    private DemoSummary summary;
    private Rows rows;

    @BeforeAll
    void generateSmallDemo() {
        db = TestDatabases.mariaDb();
        summary = new DemoDataGenerator(DemoSize.small()).generate(db.dataSource(), AS_OF);
        rows = new Rows(db.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    @Test
    void sameSeedAndAsOfGiveIdenticalRowsInASecondDatabase() {
        try (TestDatabases.MariaDb second = TestDatabases.mariaDb()) {
            // given the same size, seed and as-of date as the shared database

            // when
            DemoSummary again = new DemoDataGenerator(DemoSize.small()).generate(second.dataSource(), AS_OF);

            // then every table has the same rows
            Rows other = new Rows(second.dataSource());
            TABLE_COLUMNS.forEach((table, columns) ->
                    assertThat(other.checksum(table, columns)).as(table).isEqualTo(rows.checksum(table, columns)));
            assertThat(again).isEqualTo(summary);
        }
    }

    @Test
    void h2InMySqlModeGetsTheSameRowsAsMariaDb() {
        // given the embedded default database
        DataSource h2 = TestDatabases.h2InMemory();

        // when
        DemoSummary embedded = new DemoDataGenerator(DemoSize.small()).generate(h2, AS_OF);

        // then
        Rows other = new Rows(h2);
        TABLE_COLUMNS.forEach((table, columns) ->
                assertThat(other.checksum(table, columns)).as(table).isEqualTo(rows.checksum(table, columns)));
        assertThat(embedded).isEqualTo(summary);
    }

    @Test
    void summaryCountsAreTheRowsWritten() {
        // given the generated database

        // then
        assertThat(summary.asOf()).isEqualTo(AS_OF);
        assertThat(summary.firstDay()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(rows.count("SELECT COUNT(*) FROM employee")).isEqualTo(summary.employees());
        assertThat(rows.count("SELECT COUNT(*) FROM sales_team")).isEqualTo(summary.teams());
        assertThat(rows.count("SELECT COUNT(*) FROM team_membership")).isEqualTo(summary.memberships());
        assertThat(rows.count("SELECT COUNT(*) FROM rep_quota")).isEqualTo(summary.repQuotas());
        assertThat(rows.count("SELECT COUNT(*) FROM team_quota")).isEqualTo(summary.teamQuotas());
        assertThat(rows.count("SELECT COUNT(*) FROM fx_rate")).isEqualTo(summary.fxRates());
        assertThat(rows.count("SELECT COUNT(*) FROM booking")).isEqualTo(summary.bookings());
        assertThat(rows.count("SELECT COUNT(*) FROM booking_credit")).isEqualTo(summary.credits());
        // VP, 3 directors, 12 managers, the SE lead, 120 reps, 5 overlay specialists, 1 two-team employee
        assertThat(summary.employees()).isEqualTo(1 + 3 + 12 + 1 + 120 + 5 + 1);
    }

    @Test
    void orgHasOneRootThreeRegionsAndTwelveTeamsEachWithAManager() {
        // given the generated database

        // then
        assertThat(rows.rows("SELECT team_id, name, manager_id FROM sales_team WHERE parent_team_id IS NULL"))
                .containsExactly(List.of("root", "Global Sales", "E00001"));
        assertThat(rows.strings("SELECT team_id FROM sales_team WHERE parent_team_id = 'root' ORDER BY team_id"))
                .containsExactly("amer", "apac", "emea", "solutions-eng");
        assertThat(rows.strings("SELECT t.team_id FROM sales_team t JOIN employee e ON e.employee_id = t.manager_id"
                + " WHERE t.parent_team_id IN ('amer', 'emea', 'apac') ORDER BY t.team_id"))
                .containsExactly("amer-central", "amer-east", "amer-south", "amer-west",
                        "apac-anz", "apac-india", "apac-japan", "apac-sea",
                        "emea-dach", "emea-north", "emea-south", "emea-uki");
        assertThat(rows.count("SELECT COUNT(DISTINCT manager_id) FROM sales_team")).isEqualTo(17);
        assertThat(rows.count("SELECT COUNT(*) FROM team_membership m JOIN sales_team t ON t.manager_id = m.employee_id"))
                .as("managers hold no membership").isZero();
    }

    @Test
    void eachFirstLineTeamHasTenRepsAndOverlaySpecialistsSitInSolutionsEngineering() {
        // given the generated database

        // then 120 reps with a REP membership, plus the employee with two overlapping memberships;
        // on the as-of date amer-west lost E00019 to amer-east and has E00143 (two teams), amer-east
        // lost E00050 (terminated), emea-north has E00143 too
        assertThat(rows.count("SELECT COUNT(DISTINCT employee_id) FROM team_membership WHERE role = 'REP'")).isEqualTo(121);
        assertThat(rows.rows("SELECT team_id, COUNT(*) FROM team_membership WHERE role = 'REP' AND valid_from <= '2026-11-26'"
                + " AND (valid_to IS NULL OR valid_to > '2026-11-26') GROUP BY team_id ORDER BY team_id"))
                .extracting(r -> r.get(0) + "=" + r.get(1))
                .containsExactly("amer-central=10", "amer-east=10", "amer-south=10", "amer-west=10",
                        "apac-anz=10", "apac-india=10", "apac-japan=10", "apac-sea=10",
                        "emea-dach=10", "emea-north=11", "emea-south=10", "emea-uki=10");
        assertThat(rows.strings("SELECT DISTINCT team_id FROM team_membership WHERE role = 'OVERLAY'"))
                .containsExactly("solutions-eng");
        assertThat(rows.count("SELECT COUNT(*) FROM team_membership WHERE role = 'OVERLAY'")).isEqualTo(5);
    }

    @Test
    void orgEventsHaveOneTransferThreeMidMonthHiresAndOneTermination() {
        // given the generated database

        // then the transfer: one membership ends the day the next one starts, in another team
        assertThat(rows.rows("SELECT a.employee_id, a.team_id, b.team_id, b.valid_from FROM team_membership a"
                + " JOIN team_membership b ON b.employee_id = a.employee_id AND b.valid_from = a.valid_to"))
                .containsExactly(List.of("E00019", "amer-west", "amer-east", "2026-06-16"));
        // hires: hired mid-month inside the data, membership from the hire date
        assertThat(rows.rows("SELECT e.employee_id, e.hire_date, m.team_id FROM employee e JOIN team_membership m"
                + " ON m.employee_id = e.employee_id AND m.valid_from = e.hire_date"
                + " WHERE e.hire_date >= '2025-10-01' ORDER BY e.hire_date"))
                .containsExactly(List.of("E00020", "2026-02-10", "amer-west"),
                        List.of("E00030", "2026-05-15", "emea-north"),
                        List.of("E00040", "2026-09-20", "apac-anz"));
        // the termination: membership ends the day after the last day worked
        assertThat(rows.rows("SELECT e.employee_id, e.termination_date, m.valid_to FROM employee e"
                + " JOIN team_membership m ON m.employee_id = e.employee_id WHERE e.termination_date IS NOT NULL"))
                .containsExactly(List.of("E00050", "2026-07-14", "2026-07-15"));
    }

    @Test
    void everyRejectReasonHasDirtyBookingsThatFailExactlyThatCheck() throws SQLException {
        // given the rows read back and a plain reading of docs/numbers.md §9
        ExpectedRejects expected = new ExpectedRejects(db.dataSource());

        // when
        Map<String, RejectReason> rejected = expected.rejected();

        // then the dirty bookings, and only they, are rejected, each with its reason
        assertThat(rejected).isEqualTo(summary.dirtyBookings());
        assertThat(summary.dirtyByReason().keySet()).containsExactly(RejectReason.values());
        assertThat(summary.dirtyByReason().values()).allSatisfy(n -> assertThat(n).isBetween(2, 4));
        assertThat(summary.dirtyBookings().keySet()).allMatch(id -> id.startsWith("BK-DIRTY-"));
        assertThat(summary.oddButValidBookings()).containsExactly("BK-ODD-1", "BK-ODD-2", "BK-ODD-3", "BK-ODD-4");
    }

    @Test
    void dirtyAndOddBookingsAreInsideTheNightlyRunsReadRange() {
        // given the run as of 2026-11-26 reads bookings dated or cancelled in [2026-01-01, 2026-11-26]

        // then
        List<List<String>> special = rows.rows("SELECT booking_id, booking_date, cancelled_date FROM booking"
                + " WHERE booking_id LIKE 'BK-DIRTY-%' OR booking_id LIKE 'BK-ODD-%'");
        assertThat(special).hasSize(summary.dirtyBookings().size() + 4);
        assertThat(special).allSatisfy(r -> assertThat(inRun(r.get(1)) || (r.get(2) != null && inRun(r.get(2))))
                .as(r.get(0)).isTrue());
        assertThat(rows.strings("SELECT status FROM booking WHERE booking_id LIKE 'BK-ODD-%' ORDER BY booking_id"))
                .containsExactly(" booked ", "Cancelled", "BOOKED", "booked");
        assertThat(rows.strings("SELECT currency FROM booking WHERE booking_id = 'BK-ODD-3'")).containsExactly("eur");
    }

    @Test
    void normalBookingsAreNumberedAndWithinTenPercentOfTheRequestedCount() {
        // given the small size asks for 26,000 a year over 2025-10-01 .. 2026-11-26
        long requested = DemoSize.small().expectedBookings(AS_OF);

        // then
        long normal = rows.count("SELECT COUNT(*) FROM booking WHERE booking_id LIKE 'BK-0%'");
        assertThat(requested).isEqualTo(30_060);
        assertThat(normal).isBetween(Math.round(requested * 0.9), Math.round(requested * 1.1));
        assertThat(normal + summary.dirtyBookings().size() + 4).isEqualTo(summary.bookings());
        assertThat(rows.strings("SELECT MAX(booking_id) FROM booking WHERE booking_id LIKE 'BK-0%'"))
                .containsExactly(String.format("BK-%07d", normal));
        assertThat(rows.strings("SELECT MIN(booking_date) FROM booking")).containsExactly("2025-10-01");
        assertThat(rows.strings("SELECT MAX(booking_date) FROM booking WHERE booking_id LIKE 'BK-0%'"))
                .containsExactly("2026-11-26");
    }

    @Test
    void bookingsMixSplitsOverlaysPartnersAndCancellationsInEveryTiming() {
        // given the generated database
        long normal = rows.count("SELECT COUNT(*) FROM booking WHERE booking_id LIKE 'BK-0%'");

        // then
        long split = rows.count("SELECT COUNT(*) FROM (SELECT booking_id FROM booking_credit WHERE credit_role = 'PRIMARY'"
                + " AND booking_id LIKE 'BK-0%' GROUP BY booking_id HAVING COUNT(*) = 2) s");
        long overlay = rows.count("SELECT COUNT(DISTINCT booking_id) FROM booking_credit WHERE credit_role = 'OVERLAY'"
                + " AND booking_id LIKE 'BK-0%'");
        assertThat(split * 100.0 / normal).isBetween(8.0, 12.0);
        assertThat(overlay * 100.0 / normal).isBetween(6.0, 10.0);
        assertThat(rows.strings("SELECT DISTINCT split_percent FROM booking_credit WHERE booking_id LIKE 'BK-0%'"
                + " ORDER BY split_percent")).containsExactly("25.00", "30.00", "40.00", "50.00", "60.00", "70.00",
                "75.00", "100.00");
        assertThat(rows.count("SELECT COUNT(*) FROM booking WHERE (channel = 'PARTNER') <> (partner_name IS NOT NULL)"))
                .isZero();
        assertThat(rows.strings("SELECT DISTINCT booking_type FROM booking ORDER BY 1"))
                .containsExactly("EXPANSION", "NEW", "RENEWAL");
        String cancelled = "SELECT COUNT(*) FROM booking WHERE booking_id LIKE 'BK-0%' AND status = 'CANCELLED' AND ";
        assertThat(rows.count(cancelled + "cancelled_date <= LAST_DAY(booking_date)")).isGreaterThan(100);
        assertThat(rows.count(cancelled + "cancelled_date > LAST_DAY(booking_date)"
                + " AND cancelled_date <= LAST_DAY(booking_date) + INTERVAL 30 DAY"
                + " AND booking_date >= '2026-01-01' AND cancelled_date <= '2026-11-26'")).isGreaterThan(50);
        assertThat(rows.count(cancelled + "cancelled_date > LAST_DAY(booking_date) + INTERVAL 30 DAY")).isGreaterThan(20);
        assertThat(rows.count("SELECT COUNT(*) FROM booking WHERE cancelled_date > '2026-11-26'")).isZero();
        assertThat(rows.count("SELECT COUNT(*) FROM booking WHERE booking_id LIKE 'BK-0%' AND ((status = 'CANCELLED')"
                + " <> (cancelled_date IS NOT NULL) OR DATE(updated_at) <> COALESCE(cancelled_date, booking_date))"))
                .isZero();
    }

    @Test
    void someRepsPullDealsIntoTheLastThreeDaysOfTheClosedMonthAndQuarter() {
        // given the latest closed month (October 2026) and quarter (Q3 2026) of the run

        // then the closers have >= 10,000 credited there with half or more in the last 3 days
        assertThat(pullIns("2026-10-01", "2026-10-31", "2026-10-29")).contains("E00070", "E00080");
        assertThat(pullIns("2026-07-01", "2026-09-30", "2026-09-28")).contains("E00060");
    }

    @Test
    void quotasCoverBothFiscalYearsInTheRegionsCurrencyWithThreeOverAssignedTeams() {
        // given the generated database

        // then 24 months for every steady rep and overlay specialist, fewer for hires and the leaver
        assertThat(rows.rows("SELECT employee_id, COUNT(*) FROM rep_quota GROUP BY employee_id"
                + " HAVING COUNT(*) <> 24 ORDER BY employee_id"))
                .containsExactly(List.of("E00020", "11"), List.of("E00030", "8"), List.of("E00040", "4"),
                        List.of("E00050", "19"));
        assertThat(rows.count("SELECT COUNT(DISTINCT employee_id) FROM rep_quota")).isEqualTo(125);
        assertThat(rows.strings("SELECT MIN(`month`) FROM rep_quota")).containsExactly("2025-01-01");
        assertThat(rows.strings("SELECT MAX(`month`) FROM rep_quota")).containsExactly("2026-12-01");
        assertThat(rows.count("SELECT COUNT(*) FROM rep_quota WHERE amount < 40000 OR amount > 126000")).isZero();
        assertThat(rows.strings("SELECT DISTINCT q.currency FROM rep_quota q JOIN team_membership m"
                + " ON m.employee_id = q.employee_id WHERE m.team_id LIKE 'emea-%'")).containsExactly("EUR");
        assertThat(rows.strings("SELECT DISTINCT team_id FROM team_quota ORDER BY 1"))
                .containsExactly("amer-west", "apac-anz", "emea-north");
        // amer-west in January 2025: 110 % of its 10 members' quotas (the transfer and the hire included)
        BigDecimal sum = new BigDecimal(rows.strings("SELECT SUM(q.amount) FROM rep_quota q JOIN team_membership m"
                + " ON m.employee_id = q.employee_id AND m.team_id = 'amer-west' AND m.role = 'REP'"
                + " AND m.valid_from <= '2025-01-31' AND (m.valid_to IS NULL OR m.valid_to > '2025-01-01')"
                + " WHERE q.`month` = '2025-01-01'").get(0));
        assertThat(new BigDecimal(rows.strings("SELECT amount FROM team_quota WHERE team_id = 'amer-west'"
                + " AND `month` = '2025-01-01'").get(0))).isEqualByComparingTo(sum.multiply(new BigDecimal("1.10")));
    }

    @Test
    void fxRatesCoverEveryMonthAndGbpLacksTheLatestOne() {
        // given data from 2025-01 (quotas) to 2026-11

        // then
        assertThat(rows.rows("SELECT currency, COUNT(*), MIN(`month`), MAX(`month`) FROM fx_rate GROUP BY currency ORDER BY 1"))
                .containsExactly(List.of("EUR", "23", "2025-01-01", "2026-11-01"),
                        List.of("GBP", "22", "2025-01-01", "2026-10-01"),
                        List.of("USD", "23", "2025-01-01", "2026-11-01"));
        assertThat(rows.strings("SELECT rate_to_base FROM fx_rate WHERE currency = 'USD' GROUP BY rate_to_base"))
                .containsExactly("1.00000000");
        assertThat(rows.count("SELECT COUNT(*) FROM fx_rate WHERE currency = 'EUR' AND rate_to_base NOT BETWEEN 0.9 AND 1.3"))
                .isZero();
    }

    @Test
    void namesAreDiverseAndEmailsUseExampleDomainsOnly() {
        // given the generated database

        // then non-ASCII names survive the round trip and no real domain is used
        assertThat(rows.strings("SELECT full_name FROM employee WHERE employee_id <= 'E00006' ORDER BY employee_id"))
                .containsExactly("Łukasz Nowak", "Zoë Müller", "王伟", "José García", "Anneliese Müller",
                        "Søren Østergaard");
        assertThat(rows.strings("SELECT email FROM employee WHERE employee_id = 'E00003'"))
                .containsExactly("wang.wei@example.com");
        assertThat(rows.count("SELECT COUNT(*) FROM employee WHERE email NOT LIKE '%@example.com'"
                + " AND email NOT LIKE '%@example.org'")).isZero();
        assertThat(rows.count("SELECT COUNT(DISTINCT email) FROM employee")).isEqualTo(summary.employees());
        assertThat(rows.count("SELECT COUNT(DISTINCT account_name) FROM booking")).isGreaterThan(300);
    }

    private List<String> pullIns(String from, String to, String lastDaysFrom) {
        return rows.strings("SELECT c.employee_id FROM booking b JOIN booking_credit c ON c.booking_id = b.booking_id"
                + " WHERE b.booking_id LIKE 'BK-0%' AND b.booking_date BETWEEN '" + from + "' AND '" + to + "'"
                + " GROUP BY c.employee_id HAVING SUM(b.amount * c.split_percent / 100) >= 10000"
                + " AND SUM(CASE WHEN b.booking_date >= '" + lastDaysFrom + "' THEN b.amount * c.split_percent / 100"
                + " ELSE 0 END) * 2 >= SUM(b.amount * c.split_percent / 100)");
    }

    private static boolean inRun(String date) {
        LocalDate d = LocalDate.parse(date);
        return !d.isBefore(RUN_START) && !d.isAfter(AS_OF);
    }
}
