package com.salesops.packets.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.credit.RejectReason;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generator on the embedded default (H2 in MySQL mode), at awkward as-of dates and at scale. */
class DemoDataGeneratorH2Test {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-03-31", "2026-12-31"})
    void dirtyBookingsFailExactlyTheirCheckWhateverTheAsOfDate(String asOfText) throws SQLException {
        // given
        LocalDate asOf = LocalDate.parse(asOfText);
        DataSource h2 = TestDatabases.h2InMemory();

        // when
        DemoSummary summary = new DemoDataGenerator(DemoSize.small()).generate(h2, asOf);

        // then
        Map<String, RejectReason> rejected = new ExpectedRejects(h2).rejected();
        assertThat(rejected).isEqualTo(summary.dirtyBookings());
        assertThat(summary.dirtyByReason().values()).allSatisfy(n -> assertThat(n).isPositive());
        Rows rows = new Rows(h2);
        assertThat(rows.strings("SELECT MIN(booking_date) FROM booking"))
                .containsExactly(asOf.withDayOfMonth(1).minusMonths(13).toString());
        assertThat(rows.count("SELECT COUNT(*) FROM booking WHERE booking_id NOT LIKE 'BK-DIRTY-%'"
                + " AND (booking_date > '" + asOf + "' OR cancelled_date > '" + asOf + "')")).isZero();
    }

    @Test
    void anotherSeedGivesOtherBookings() {
        // given
        DataSource first = TestDatabases.h2InMemory();
        DataSource second = TestDatabases.h2InMemory();
        LocalDate asOf = LocalDate.of(2026, 11, 26);

        // when
        new DemoDataGenerator(DemoSize.small()).generate(first, asOf);
        new DemoDataGenerator(DemoSize.small().withSeed(1)).generate(second, asOf);

        // then
        assertThat(new Rows(second).checksum("booking", 11)).isNotEqualTo(new Rows(first).checksum("booking", 11));
    }

    @Test
    @Timeout(60) // about 10 s here; a wall-clock assertion would only flake on a busy machine
    void aScaledSizeStreamsTwoHundredThousandBookingsInBatches(@TempDir Path dir) {
        // given about 1,000 reps and 175,000 bookings a year: about 202,000 over 2025-10-01 .. 2026-11-26,
        // written to a file database so the rows are not on the heap either
        DemoSize size = DemoSize.scaled(1_000, 175_000);
        LocalDate asOf = LocalDate.of(2026, 11, 26);
        DataSource h2 = TestDatabases.h2File(dir);

        // when
        DemoSummary summary = new DemoDataGenerator(size).generate(h2, asOf);

        // then
        long normal = summary.bookings() - summary.dirtyBookings().size() - summary.oddButValidBookings().size();
        assertThat(size.expectedBookings(asOf)).isEqualTo(202_329);
        assertThat(normal).isBetween(180_000L, 220_000L);
        assertThat(new Rows(h2).count("SELECT COUNT(*) FROM booking")).isEqualTo(summary.bookings());
        assertThat(summary.employees()).isEqualTo(1 + 3 + 99 + 1 + 990 + 40 + 1);
    }
}
