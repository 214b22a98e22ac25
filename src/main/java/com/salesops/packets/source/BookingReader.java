package com.salesops.packets.source;

import com.salesops.packets.calendar.RunPlan;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the bookings a run reads, each with its credit rows, in booking_id order, as what
 * {@code prepare} makes of each (the extract step: its crediting outcome). Restart state is the last
 * booking handed out: a restarted step resumes after the last committed chunk with a keyset query,
 * so nothing is credited twice or skipped.
 *
 * <p>A producer thread reads, assembles and prepares the next bookings (up to {@link #READ_AHEAD})
 * while the step writes the previous chunk, so reading the source and crediting overlap writing the
 * app database (docs/performance.md, "The extract step"). {@code prepare} runs on that thread only, one
 * booking after the other; what it throws fails the step at that booking, after the ones before it.
 * The restart position only moves when {@link #read} hands an item to the step.
 *
 * @param <T> what the step gets of each booking
 */
public class BookingReader<T> implements ItemStreamReader<T> {

    static final String LAST_BOOKING_ID = "bookings.lastBookingId";
    /** Bookings queued ahead of the step: about one chunk. */
    static final int READ_AHEAD = 5_000;
    private static final Object END = new Object();

    /** A read failure, handed to the step's thread in order (an Error too: the step must not wait forever). */
    private record Failure(Throwable error) {
    }

    /** A booking read ahead: its id (the restart position) and what the step gets of it. */
    private record Ahead(String bookingId, Object item) {
    }

    private final SourceDatabase source;
    private final RunPlan plan;
    private final Function<Booking, ? extends T> prepare;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private boolean rowPending;
    private String lastBookingId = "";
    /** Bookings read ahead by the producer thread while the step credits and writes earlier ones. */
    private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(READ_AHEAD);
    private Thread producer;
    private volatile boolean closing;

    public BookingReader(SourceDatabase source, RunPlan plan, Function<Booking, ? extends T> prepare) {
        this.source = source;
        this.plan = plan;
        this.prepare = prepare;
    }

    @Override
    public void open(ExecutionContext context) {
        lastBookingId = context.getString(LAST_BOOKING_ID, "");
        try {
            connection = source.dataSource().getConnection();
            connection.setReadOnly(true);
            statement = connection.prepareStatement(source.sql("bookings"),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(source.streamingFetchSize());
            Date s = Date.valueOf(plan.readStart());
            Date d = Date.valueOf(plan.asOf());
            statement.setDate(1, s);
            statement.setDate(2, d);
            statement.setDate(3, s);
            statement.setDate(4, d);
            statement.setString(5, lastBookingId);
            rows = statement.executeQuery();
            rowPending = rows.next();
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("cannot read bookings from the source database: " + e.getMessage(), e);
        }
        closing = false;
        ahead.clear();
        producer = new Thread(this::readAhead, "bookings-read-ahead");
        producer.setDaemon(true);
        producer.start();
    }

    @Override
    @SuppressWarnings("unchecked") // every Ahead holds what prepare made: a T
    public T read() throws Exception {
        Object next = ahead.take();
        if (next == END) {
            ahead.put(END); // read() after the end keeps returning null
            return null;
        }
        if (next instanceof Failure f) {
            ahead.put(next);
            if (f.error() instanceof Error error) {
                throw error;
            }
            throw (Exception) f.error();
        }
        Ahead item = (Ahead) next;
        lastBookingId = item.bookingId();
        return (T) item.item();
    }

    /** The producer: reads rows into bookings, prepares and queues them, then END (or the failure). */
    private void readAhead() {
        Object last = END;
        try {
            Booking booking;
            while (!closing && (booking = readRow()) != null) {
                hand(new Ahead(booking.id(), prepare.apply(booking)));
            }
        } catch (SQLException | RuntimeException | Error e) {
            last = new Failure(e);
        }
        // after the bookings read so far: the end, or the failure
        hand(last);
    }

    /** Queues one item for the step's thread, giving up only when the reader is being closed. */
    private void hand(Object item) {
        try {
            while (!ahead.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closing) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Booking readRow() throws SQLException {
        if (!rowPending) {
            return null;
        }
        String id = rows.getString("booking_id");
        LocalDate bookingDate = SourceReader.date(rows, rows.findColumn("booking_date"));
        String account = rows.getString("account_name");
        BigDecimal amount = rows.getBigDecimal("amount");
        String currency = rows.getString("currency");
        String type = rows.getString("booking_type");
        String channel = rows.getString("channel");
        String partner = rows.getString("partner_name");
        String status = rows.getString("status");
        LocalDate cancelledDate = SourceReader.date(rows, rows.findColumn("cancelled_date"));
        List<BookingCredit> credits = new ArrayList<>();
        do {
            String employeeId = rows.getString("employee_id");
            String role = rows.getString("credit_role");
            BigDecimal split = rows.getBigDecimal("split_percent");
            // LEFT JOIN: a booking without credit rows comes back as one row of NULL credit columns.
            if (employeeId != null || role != null || split != null) {
                credits.add(new BookingCredit(employeeId, role, split));
            }
            rowPending = rows.next();
        } while (rowPending && id.equals(rows.getString("booking_id")));
        return new Booking(id, bookingDate, account, amount, currency, type, channel, partner, status,
                cancelledDate, credits);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(LAST_BOOKING_ID, lastBookingId);
    }

    @Override
    public void close() {
        closing = true;
        if (producer != null) {
            ahead.clear(); // unblocks a producer waiting for room
            try {
                producer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer = null;
        }
        ahead.clear();
        try {
            if (rows != null) {
                rows.close();
            }
            if (statement != null) {
                statement.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new ItemStreamException("cannot close the bookings cursor", e);
        } finally {
            rows = null;
            statement = null;
            connection = null;
        }
    }
}
