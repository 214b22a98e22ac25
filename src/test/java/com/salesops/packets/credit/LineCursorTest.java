package com.salesops.packets.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.testing.MariaDb;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
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
        db = MariaDb.create("ap_line_cursor");
        Flyway.configure().dataSource(db.dataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/mysql").load().migrate();
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
        insert(jdbc, "b", "E1", false, "2026-11-02");
        insert(jdbc, "Ä", "E1", false, "2026-11-03");
        insert(jdbc, "B", "E2", false, "2026-11-04");
        insert(jdbc, "a", "E9", true, "2026-11-05");
        insert(jdbc, "a", "E9", false, "2026-11-01");
        insert(jdbc, "a", "E10", false, "2026-11-01");
        insert(jdbc, "c", "E1", false, "2026-10-31");          // before the span
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

    private static void insert(JdbcTemplate jdbc, String booking, String employee, boolean reversal, String date) {
        jdbc.update("INSERT INTO credit_line (run_key, booking_id, employee_id, reversal, team_id, credit_role, "
                + "split_percent, line_date, amount_base, booking_date, account_name) VALUES (?, ?, ?, ?, 't1', "
                + "'PRIMARY', 100.00, ?, 10.00, ?, ?)", RUN, booking, employee, reversal, java.sql.Date.valueOf(date),
                java.sql.Date.valueOf(date), "acc-" + booking);
    }
}
