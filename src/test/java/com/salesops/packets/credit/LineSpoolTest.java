package com.salesops.packets.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.MariaDb;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The line spool is a cache of the app database's lines: for any set of teams it streams exactly
 * what the database's subtree queries stream, in the same order — all lines by date, the largest
 * by amount (ties in date and amount included) — and an unfinished spool is not used.
 */
class LineSpoolTest {

    private static final String RUN = "nightly-2026-12-01";
    private static final List<String> TEAMS = List.of("team-a", "team-b", "team-c", "team-d");

    @TempDir
    Path tmp;

    private MariaDb db;
    private CreditStore store;
    private List<CreditOutcome.Credited> bookings;

    @BeforeEach
    void storeLinesInTheDatabase() {
        db = MariaDb.createWithAppTables("ap_line_spool");
        store = new CreditStore(db.dataSource());
        bookings = bookings(new Random(20261201), 400);
        new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()))
                .executeWithoutResult(s -> store.save(RUN, new ArrayList<CreditOutcome>(bookings)));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void everyFieldReadsBackAsWrittenWhateverItsTextNumberOrAbsence() throws Exception {
        // given: lines of one team with repeated and unique texts, non-ASCII names, absent values,
        // booking amounts of every scale (a negative one, more digits than a long holds), booking-less lines
        LocalDate day = LocalDate.of(2026, 3, 1);
        List<CreditLine> written = new ArrayList<>();
        List<CreditedBooking> bookingsWritten = new ArrayList<>();
        BigDecimal[] amounts = {new BigDecimal("1234.50"), new BigDecimal("-0.01"), new BigDecimal("1E+3"),
            new BigDecimal("123456789012345678901234567890.123456"), new BigDecimal("0"), new BigDecimal("7.0000001")};
        LineSpool spool = LineSpool.at(tmp.resolve("fields"));
        try (LineSpool.Writer w = spool.writer()) {
            for (int i = 0; i < 600; i++) { // ~80 KB: records across the read buffer's refills
                String booking = "B-" + (1000 + i);
                BigDecimal amount = amounts[i % amounts.length];
                CreditedBooking b = i % 7 == 3 ? null : new CreditedBooking(booking, day.plusDays(i % 5),
                        i % 2 == 0 ? "Łódź Sp. z o.o. " + i : "Zoë & \"Sons\" <Ltd>", i % 3 == 0 ? null : "NEW",
                        "DIRECT", i % 4 == 0 ? null : "Partner 東京", amount, i % 2 == 0 ? "EUR" : "PLN",
                        i % 5 == 0 ? null : new BigDecimal("1.0834"), new BigDecimal("100.00"), 1 + i % 2,
                        i % 6 == 0 ? day.plusDays(40) : null, i % 8 != 0);
                CreditLine line = new CreditLine(booking, "E-" + (i % 4), "team-z", i % 2 == 0 ? CreditRole.PRIMARY
                        : CreditRole.OVERLAY, i % 9 == 0 ? null : new BigDecimal("50.00"), day.plusDays(i),
                        new BigDecimal(i % 2 == 0 ? "1234.50" : "-99999999999.99"), i % 10 == 9, b == null ? null : b.bookingDate(), b == null ? null : b.cancelledDate());
                written.add(line);
                bookingsWritten.add(b);
                w.add(b, List.of(line));
            }
            w.finish();
        }

        // when
        List<CreditLine> read = new ArrayList<>();
        List<CreditedBooking> bookingsRead = new ArrayList<>();
        spool.forEachLine(List.of("team-z"), (line, booking) -> {
            read.add(line);
            bookingsRead.add(booking);
        });

        // then: equal records (BigDecimal equality includes the scale), in Deals order (by line date here)
        assertThat(read).containsExactlyElementsOf(written);
        assertThat(bookingsRead).containsExactlyElementsOf(bookingsWritten);
    }

    @Test
    void spooledLinesOfAnySetOfTeamsStreamAsTheDatabaseStreamsThemInBothOrders() throws Exception {
        // given the lines spooled in booking order, as the compute step reads them
        LineSpool spool = LineSpool.at(tmp.resolve("spool"));
        try (LineSpool.Writer w = spool.writer()) {
            store.forEachBooking(RUN, 100, b -> w.add(b.booking(), b.lines()));
            w.finish();
        }

        // then the index counts each team's lines
        Map<String, Long> perTeam = bookings.stream().flatMap(b -> b.lines().stream())
                .collect(Collectors.groupingBy(CreditLine::teamId, Collectors.counting()));
        assertThat(spool.index()).contains(perTeam);

        for (List<String> teams : List.of(List.of("team-a"), List.of("team-b", "team-c"), TEAMS)) {
            // when
            List<String> fromSpool = new ArrayList<>();
            spool.forEachLine(teams, (line, booking) -> fromSpool.add(describe(line, booking)));
            List<String> fromDb = new ArrayList<>();
            store.forEachLine(RUN, teams, List.of(), (line, booking) -> fromDb.add(describe(line, booking)));

            // then
            assertThat(fromSpool).as("all lines of %s", teams).isNotEmpty().containsExactlyElementsOf(fromDb);

            for (int largest : List.of(1, 7, 50, 100_000)) {
                List<String> topSpool = new ArrayList<>();
                spool.forEachLargestLine(teams, largest, (line, booking) -> topSpool.add(describe(line, booking)));
                List<String> topDb = new ArrayList<>();
                store.forEachLargestLine(RUN, teams, largest, (line, booking) -> topDb.add(describe(line, booking)));
                assertThat(topSpool).as("largest %d of %s", largest, teams).isNotEmpty()
                        .containsExactlyElementsOf(topDb);
            }
        }
    }

    @Test
    void aSpoolThatWasNotFinishedHasNoIndexAndLeavesNoFiles() throws Exception {
        // given
        LineSpool spool = LineSpool.at(tmp.resolve("spool"));

        // when the compute step fails half-way through its lines
        try (LineSpool.Writer w = spool.writer()) {
            w.add(bookings.get(0).booking(), bookings.get(0).lines());
        }

        // then
        assertThat(spool.index()).isEmpty();
        assertThat(Files.exists(spool.dir())).isFalse();
    }

    @Test
    void aNewSpoolReplacesTheOldOneAndDeleteRemovesIt() throws Exception {
        // given a finished spool of every booking
        LineSpool spool = LineSpool.at(tmp.resolve("spool"));
        try (LineSpool.Writer w = spool.writer()) {
            bookings.forEach(b -> w.add(b.booking(), b.lines()));
            w.finish();
        }

        // when it is written again with one booking only
        try (LineSpool.Writer w = spool.writer()) {
            w.add(bookings.get(0).booking(), bookings.get(0).lines());
            w.finish();
        }

        // then it holds that booking's lines only
        Map<String, Long> index = spool.index().orElseThrow();
        assertThat(index.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(bookings.get(0).lines().size());
        List<String> all = new ArrayList<>();
        spool.forEachLine(TEAMS, (line, booking) -> all.add(line.bookingId()));
        assertThat(all).hasSize(bookings.get(0).lines().size()).containsOnly(bookings.get(0).bookingId());

        // when / then
        spool.delete();
        assertThat(spool.index()).isEmpty();
        assertThat(Files.exists(spool.dir())).isFalse();
    }

    /** Every field of the line and its booking, so the comparison misses nothing. */
    private static String describe(CreditLine line, CreditedBooking booking) {
        return line + " | " + booking;
    }

    /**
     * Bookings with one to three lines on the four teams, on few dates and few amounts (so ties in
     * date and in absolute amount are common), reversals of cancelled ones, optional text.
     */
    private static List<CreditOutcome.Credited> bookings(Random random, int count) {
        List<CreditOutcome.Credited> list = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 10, 1);
        for (int i = 0; i < count; i++) {
            String id = "BK-" + (char) ('A' + random.nextInt(3)) + String.format("%04d", i);
            LocalDate day = start.plusDays(random.nextInt(20));
            boolean cancelled = random.nextInt(6) == 0;
            LocalDate cancelledOn = cancelled ? day.plusDays(3) : null;
            BigDecimal amount = new BigDecimal(100 * (1 + random.nextInt(8))).setScale(2);
            CreditedBooking booking = new CreditedBooking(id, day, random.nextBoolean() ? "Account " + i : null, "NEW",
                    random.nextBoolean() ? "PARTNER" : "DIRECT", random.nextInt(3) == 0 ? "Partner & Co <x>" : null,
                    amount, "EUR", new BigDecimal("1.08123456"), new BigDecimal("100.00"), 1, cancelledOn, true);
            List<CreditLine> lines = new ArrayList<>();
            List<String> teams = new ArrayList<>(TEAMS);
            Collections.shuffle(teams, random);
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                String employee = "E" + (k + 1);
                BigDecimal credited = k == 0 ? amount : amount.negate();
                lines.add(new CreditLine(id, employee, teams.get(k), k == 0 ? CreditRole.PRIMARY : CreditRole.OVERLAY,
                        k == 0 ? new BigDecimal("100.00") : new BigDecimal("50.00"), day, credited, false, day,
                        cancelledOn));
                if (cancelled) {
                    lines.add(new CreditLine(id, employee, teams.get(k), k == 0 ? CreditRole.PRIMARY : CreditRole.OVERLAY,
                            k == 0 ? new BigDecimal("100.00") : new BigDecimal("50.00"), cancelledOn, credited.negate(),
                            true, day, cancelledOn));
                }
            }
            list.add(new CreditOutcome.Credited(booking, lines));
        }
        return list;
    }
}
