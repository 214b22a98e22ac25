package com.salesops.packets.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.testing.MariaDb;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A run's lines streamed for the changes merge: in code point order whatever the table's collation. */
class LineCursorTest {

    private static final String RUN = "nightly-2026-11-26";

    private MariaDb db;

    @BeforeEach
    void createAppTables() {
        db = MariaDb.createWithAppTables("ap_line_cursor");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void linesOfASpanComeByBookingThenEmployeeInCodePointOrderEvenUnderACaseInsensitiveCollation() {
        // given: a case- and accent-insensitive collation, which sorts "a" < "B" < "b" < "Ä" as a, Ä, B, b
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        jdbc.execute("ALTER TABLE credit_line CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        insertIdsThatSortDifferentlyByCollation(jdbc);
        CreditStore store = new CreditStore(db.dataSource());

        // when
        List<String> read = new ArrayList<>();
        try (LineCursor lines = store.linesDated(RUN, new Period(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30")), Integer.MIN_VALUE)) {
            lines.forEachRemaining(s -> read.add(s.line().bookingId() + "/" + s.line().employeeId()
                    + (s.line().reversal() ? "/rev" : "") + " " + s.accountName()));
        }

        // then: B (U+0042) < a < b < Ä (U+00C4); E10 < E9; the original before its reversal
        assertThat(read).containsExactly("B/E2 acc-B", "a/E10 acc-a", "a/E9 acc-a", "a/E9/rev acc-a", "b/E1 acc-b",
                "Ä/E1 acc-Ä");
    }

    @Test
    void inKeyOrderUnderTheBinaryCollationTheLinesComeInCodePointOrderWithoutASort() {
        // given: the README's utf8mb4_bin (MariaDb.create), ids as the source has them
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        insertIdsThatSortDifferentlyByCollation(jdbc);
        CreditStore store = new CreditStore(db.dataSource());

        // when
        List<String> read = read(store.linesDatedInKeyOrder(RUN, NOVEMBER, Integer.MIN_VALUE));

        // then: the same order as the sorted query's, and the server reads the primary key in order
        assertThat(store.keyOrderIsCodePointOrder()).isTrue();
        assertThat(read).containsExactly("B/E2", "a/E10", "a/E9", "a/E9/rev", "b/E1", "Ä/E1");
        assertThat(jdbc.queryForList("EXPLAIN SELECT * FROM credit_line l WHERE l.run_key = 'x' "
                + "AND l.line_date BETWEEN '2026-11-01' AND '2026-11-30' ORDER BY l.booking_id, l.employee_id, "
                + "l.reversal").toString()).doesNotContain("filesort");
    }

    @Test
    void anIdTheKeySortsOtherwiseThanByCodePointStopsTheKeyOrderedCursorAndTheSortedOneGivesCodePointOrder() {
        // given: utf8mb4_bin pads with spaces, so "X\t" sorts before "X" there; by code point "X" is first
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        insert(jdbc, "X", "E1", false, "2026-11-02");
        insert(jdbc, "X\t", "E1", false, "2026-11-02");
        CreditStore store = new CreditStore(db.dataSource());

        // when / then
        assertThatThrownBy(() -> read(store.linesDatedInKeyOrder(RUN, NOVEMBER, Integer.MIN_VALUE)))
                .isInstanceOf(LineCursor.OutOfOrderException.class).hasMessageContaining("came out of order");
        assertThat(read(store.linesDated(RUN, NOVEMBER, Integer.MIN_VALUE))).containsExactly("X/E1", "X\t/E1");
    }

    @Test
    void aCaseInsensitiveCollationIsNotTakenForCodePointOrder() {
        // given
        new JdbcTemplate(db.dataSource()).execute(
                "ALTER TABLE credit_line CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");

        // when / then
        assertThat(new CreditStore(db.dataSource()).keyOrderIsCodePointOrder()).isFalse();
    }

    private static final Period NOVEMBER = new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));

    private static List<String> read(LineCursor cursor) {
        List<String> read = new ArrayList<>();
        try (LineCursor lines = cursor) {
            lines.forEachRemaining(s -> read.add(s.line().bookingId() + "/" + s.line().employeeId()
                    + (s.line().reversal() ? "/rev" : "")));
        }
        return read;
    }

    /** Bookings b, Ä, B, a (two employees, one with a reversal) in November, and c before it. */
    private static void insertIdsThatSortDifferentlyByCollation(JdbcTemplate jdbc) {
        insert(jdbc, "b", "E1", false, "2026-11-02");
        insert(jdbc, "Ä", "E1", false, "2026-11-03");
        insert(jdbc, "B", "E2", false, "2026-11-04");
        insert(jdbc, "a", "E9", true, "2026-11-05");
        insert(jdbc, "a", "E9", false, "2026-11-01");
        insert(jdbc, "a", "E10", false, "2026-11-01");
        insert(jdbc, "c", "E1", false, "2026-10-31");          // before the span
    }

    private static void insert(JdbcTemplate jdbc, String booking, String employee, boolean reversal, String date) {
        jdbc.update("INSERT INTO credit_line (run_key, booking_id, employee_id, reversal, team_id, credit_role, "
                + "split_percent, line_date, amount_base, booking_date, account_name) VALUES (?, ?, ?, ?, 't1', "
                + "'PRIMARY', 100.00, ?, 10.00, ?, ?)", RUN, booking, employee, reversal, java.sql.Date.valueOf(date),
                java.sql.Date.valueOf(date), "acc-" + booking);
    }
}
