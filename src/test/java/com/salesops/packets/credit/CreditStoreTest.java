package com.salesops.packets.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.config.AppDataSourceSettings;
import com.salesops.packets.testing.MariaDb;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credit rows written to MariaDB (LOAD DATA, or batched inserts where the server refuses local
 * data) read back exactly as they were credited, whatever the source text holds.
 */
class CreditStoreTest {

    private static final String RUN = "nightly-2026-11-26";
    /** Every character LOAD DATA's escaping has to get right, and text from the dirty-data matrix. */
    private static final List<String> HOSTILE = List.of(
            "tab\there", "line\nbreak", "carriage\r\nreturn", "back\\slash", "\\N", "\\", "ends with \\",
            "=HYPERLINK(\"http://x\",\"y\")", "'quoted' \"double\"", "<b>html</b>", "שלום עולם", "emoji 😀 王",
            "x".repeat(500), "", "NUL\u0000inside");

    private MariaDb db;

    @BeforeEach
    void createAppTables() {
        db = MariaDb.createWithAppTables("ap_credit_store");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void bulkLoadedBookingsLinesAndRejectsReadBackExactlyWithHostileText() throws Exception {
        // given: the connection announces local data as the job's app data source does
        List<CreditOutcome> outcomes = outcomes();
        DataSource app = appDataSource();
        long loadsBefore = serverLoadStatements();

        // when
        save(app, outcomes);

        // then: the lines (with their bookings' facts) went in by LOAD DATA, and read back exactly
        assertThat(serverLoadStatements() - loadsBefore).isEqualTo(1);
        assertReadBack(app, outcomes);
    }

    @Test
    void aChunkWhoseTextTheLoaderSendsInManyPiecesGoesInByOneStatementAndReadsBackExactly() throws Exception {
        // given: 3,000 bookings of three lines with the hostile texts, several MB of LOAD DATA text: the
        // loader makes and sends it 64 KB at a time while the server reads it (BulkLoad.Tsv)
        List<CreditOutcome> outcomes = outcomes(3_000);
        DataSource app = appDataSource();
        long loadsBefore = serverLoadStatements();
        long bytesBefore = serverStatus("Bytes_received");

        // when
        save(app, outcomes);

        // then: one LOAD DATA statement took in many pieces' worth, and every row reads back as credited
        assertThat(serverLoadStatements() - loadsBefore).isEqualTo(1);
        assertThat(serverStatus("Bytes_received") - bytesBefore).isGreaterThan(20L * BulkLoad.Tsv.PIECE);
        assertReadBack(app, outcomes);
    }

    @Test
    void serverRefusingLocalDataGetsTheSameRowsByBatchedInserts() throws Exception {
        // given: the server's MySQL 8 default
        List<CreditOutcome> outcomes = outcomes();
        setLocalInfile(false);
        try {
            // when
            save(appDataSource(), outcomes);
        } finally {
            setLocalInfile(true);
        }

        // then
        assertReadBack(appDataSource(), outcomes);
    }

    @Test
    void primaryCreditOfASpanIsTheSameFromTheLinesAndFromTheComputeStepsDailyTotals() throws Exception {
        // given: 15 bookings, each 801.02 + 534.01 of PRIMARY credit on day 2..16 of November and a
        // reversal of -534.01 on 27 November (outcomes())
        DataSource app = appDataSource();
        save(app, outcomes());
        CreditStore store = new CreditStore(app);
        Period toThe26th = new Period(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 26));
        Period toTheEnd = new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

        // when: no daily totals yet (a run computed before team_day existed), the lines are summed
        BigDecimal fromLines = store.primaryCredited(RUN, toThe26th);

        // then: 15 x 1,335.03, the reversals outside the span
        assertThat(fromLines).isEqualByComparingTo("20025.45").hasScaleOf(2);
        assertThat(store.primaryCredited(RUN, toTheEnd)).isEqualByComparingTo("12015.30");

        // when: the compute step's daily totals are written, and the lines are gone
        TeamDayTotals totals = new TeamDayTotals();
        store.forEachBooking(RUN, 100, b -> b.lines().forEach(totals::accept));
        new TransactionTemplate(new DataSourceTransactionManager(app))
                .executeWithoutResult(status -> store.replaceTeamDays(RUN, totals));
        new JdbcTemplate(app).update("DELETE FROM credit_line WHERE run_key = ?", RUN);

        // then: the same sums, from the totals
        assertThat(store.primaryCredited(RUN, toThe26th)).isEqualByComparingTo("20025.45").hasScaleOf(2);
        assertThat(store.primaryCredited(RUN, toTheEnd)).isEqualByComparingTo("12015.30");
        assertThat(store.primaryCredited(RUN, new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))))
                .isEqualByComparingTo("0.00");
    }

    private static List<CreditOutcome> outcomes() {
        return outcomes(HOSTILE.size());
    }

    /** {@code count} bookings of three lines and as many rejects, the hostile texts in turn. */
    private static List<CreditOutcome> outcomes(int count) {
        List<CreditOutcome> outcomes = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 11, 2);
        for (int n = 0; n < count; n++) {
            int i = n % HOSTILE.size();
            String id = String.format("BK-%05d", n);
            String text = HOSTILE.get(i);
            CreditedBooking booking = new CreditedBooking(id, day.plusDays(i), text, "NEW", i % 2 == 0 ? "DIRECT" : null,
                    i % 3 == 0 ? null : text, new BigDecimal("1234.56"), "EUR", new BigDecimal("1.08123456"),
                    new BigDecimal("100.00"), 2, i % 4 == 0 ? day.plusDays(20) : null, i % 5 != 0);
            List<CreditLine> lines = List.of(
                    new CreditLine(id, "E00001", "team-a", CreditRole.PRIMARY, new BigDecimal("60.00"), day.plusDays(i),
                            new BigDecimal("801.02"), false, day.plusDays(i), booking.cancelledDate()),
                    new CreditLine(id, "E00002", "team-b", CreditRole.PRIMARY, new BigDecimal("40.00"), day.plusDays(i),
                            new BigDecimal("534.01"), false, day.plusDays(i), booking.cancelledDate()),
                    new CreditLine(id, "E00002", "team-b", CreditRole.PRIMARY, new BigDecimal("40.00"), day.plusDays(25),
                            new BigDecimal("-534.01"), true, day.plusDays(i), booking.cancelledDate()));
            outcomes.add(new CreditOutcome.Credited(booking, lines));
            outcomes.add(new CreditOutcome.Rejected(new Reject("RJ-" + n, RejectReason.INVALID_AMOUNT,
                    "detail " + text, new BigDecimal("-5.00"), "EUR")));
        }
        return outcomes;
    }

    private static void save(DataSource dataSource, List<CreditOutcome> outcomes) {
        // as the extract step does: the chunk's rows in one transaction
        new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .executeWithoutResult(status -> new CreditStore(dataSource).save(RUN, outcomes));
    }

    private static void assertReadBack(DataSource dataSource, List<CreditOutcome> outcomes) {
        CreditStore store = new CreditStore(dataSource);
        List<CreditOutcome.Credited> read = new ArrayList<>();
        store.forEachBooking(RUN, 100, read::add);
        List<CreditOutcome.Credited> expected = outcomes.stream()
                .filter(CreditOutcome.Credited.class::isInstance).map(CreditOutcome.Credited.class::cast)
                .toList();
        assertThat(read).hasSize(expected.size());
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).as("booking %s", expected.get(i).bookingId()).isEqualTo(expected.get(i));
        }
        List<Reject> rejects = store.rejects(RUN);
        assertThat(rejects).containsExactlyInAnyOrderElementsOf(outcomes.stream()
                .filter(CreditOutcome.Rejected.class::isInstance).map(o -> ((CreditOutcome.Rejected) o).reject())
                .toList());
        assertThat(store.lineCount(RUN)).isEqualTo(3L * expected.size());
    }

    private DataSource appDataSource() {
        return new DriverManagerDataSource(db.url() + "&allowLoadLocalInfileInPath=" + AppDataSourceSettings.NO_LOCAL_FILES,
                db.user(), db.password());
    }

    /** LOAD DATA statements the server has run (all sessions; the tests run one at a time). */
    private long serverLoadStatements() throws Exception {
        return serverStatus("Com_load");
    }

    /** A global status counter of the server (all sessions). */
    private long serverStatus(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private void setLocalInfile(boolean on) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("SET GLOBAL local_infile = " + (on ? 1 : 0));
        }
    }
}
