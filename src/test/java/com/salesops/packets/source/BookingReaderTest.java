package com.salesops.packets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.calendar.YearNamedBy;
import com.salesops.packets.demo.DemoDataGenerator;
import com.salesops.packets.demo.DemoSize;
import com.salesops.packets.testing.MariaDb;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The extract step's reader: what it makes of each booking (the crediting) is made on its read-ahead
 * thread, handed to the step in booking order, and the restart position is the last booking handed
 * over, never one only read ahead.
 */
class BookingReaderTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    private static MariaDb db;
    private static SourceDatabase source;
    private static RunPlan plan;

    @BeforeAll
    static void generateSource() {
        db = MariaDb.create("ap_booking_reader");
        new DemoDataGenerator(DemoSize.small()).generate(db.dataSource(), AS_OF);
        source = new SourceDatabase(db.url(), db.user(), db.password(), "classpath:sql/source/");
        plan = RunPlan.nightly(new FiscalCalendar(2, YearNamedBy.END), AS_OF);
    }

    @AfterAll
    static void drop() {
        source.close();
        db.close();
    }

    @Test
    void preparesEachBookingOnTheReadAheadThreadAndHandsThemOverInBookingOrder() throws Exception {
        // given: the ids of the bookings the run reads, in the query's own order (an independent path)
        List<String> expected = new JdbcTemplate(db.dataSource()).queryForList(
                "SELECT b.booking_id FROM booking b WHERE (b.booking_date BETWEEN ? AND ?) "
                        + "OR (b.cancelled_date BETWEEN ? AND ?) ORDER BY b.booking_id", String.class,
                plan.readStart(), plan.asOf(), plan.readStart(), plan.asOf());
        Set<String> preparedOn = ConcurrentHashMap.newKeySet();
        BookingReader<String> reader = new BookingReader<>(source, plan, b -> {
            preparedOn.add(Thread.currentThread().getName());
            return "prepared " + b.id();
        });

        // when
        List<String> read = readAll(reader, new ExecutionContext());

        // then
        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(read).isEqualTo(expected.stream().map(id -> "prepared " + id).toList());
        assertThat(preparedOn).containsExactly("bookings-read-ahead");
    }

    @Test
    void aFailureToPrepareABookingFailsTheStepAtThatBookingWithTheRestartPositionBeforeIt() throws Exception {
        // given: preparing the 101st booking fails; the reader reads ahead far beyond it
        List<String> ids = readAll(new BookingReader<>(source, plan, Booking::id), new ExecutionContext());
        String bad = ids.get(100);
        BookingReader<String> reader = new BookingReader<>(source, plan, failingAt(bad));
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        try {
            // when: the step reads the first hundred, and the next
            List<String> handed = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                handed.add(reader.read());
            }
            reader.update(context);

            // then: the hundred in order, the failure at the next, the position after the last one handed over
            assertThat(handed).isEqualTo(ids.subList(0, 100));
            assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessageContaining(bad);
            assertThat(context.getString(BookingReader.LAST_BOOKING_ID)).isEqualTo(ids.get(99));
        } finally {
            reader.close();
        }

        // when: the step restarts from that position with a prepare that works
        List<String> rest = readAll(new BookingReader<>(source, plan, Booking::id), context);

        // then: it resumes at the booking that failed, nothing skipped or read twice
        assertThat(rest).isEqualTo(ids.subList(100, ids.size()));
    }

    @Test
    void anErrorWhilePreparingReachesTheStepInsteadOfLeavingItWaiting() {
        // given: preparing the 11th booking throws an Error (as a stack overflow in crediting would)
        BookingReader<String> reader = new BookingReader<>(source, plan, new Function<>() {
            private int n;

            @Override
            public String apply(Booking b) {
                if (++n == 11) {
                    throw new AssertionError("cannot prepare " + b.id());
                }
                return b.id();
            }
        });

        // when / then: the step gets ten bookings, then the Error (within seconds, not never)
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            reader.open(new ExecutionContext());
            try {
                for (int i = 0; i < 10; i++) {
                    assertThat(reader.read()).isNotNull();
                }
                assertThatThrownBy(reader::read).isInstanceOf(AssertionError.class).hasMessageStartingWith("cannot prepare");
            } finally {
                reader.close();
            }
        });
    }

    private static Function<Booking, String> failingAt(String id) {
        return b -> {
            if (b.id().equals(id)) {
                throw new IllegalStateException("cannot prepare " + id);
            }
            return b.id();
        };
    }

    private static <T> List<T> readAll(BookingReader<T> reader, ExecutionContext context) throws Exception {
        List<T> items = new ArrayList<>();
        reader.open(context);
        try {
            for (T item; (item = reader.read()) != null; ) {
                items.add(item);
            }
        } finally {
            reader.close();
        }
        return items;
    }
}
