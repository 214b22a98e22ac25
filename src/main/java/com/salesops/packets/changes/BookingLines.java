package com.salesops.packets.changes;

import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.StoredLine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lines of one booking in this run and in the previous run, as the merge of two streams in
 * {@link StoredLine#ORDER} hands them over: one booking at a time, so memory stays at one booking.
 */
record BookingLines(String bookingId, List<StoredLine> current, List<StoredLine> previous) {

    /** Merges two streams in {@link StoredLine#ORDER} into their bookings, in booking order. */
    static void merge(Iterator<StoredLine> current, Iterator<StoredLine> previous, Consumer<BookingLines> action) {
        Peeking cur = new Peeking(current);
        Peeking prev = new Peeking(previous);
        while (cur.peek() != null || prev.peek() != null) {
            String booking;
            if (cur.peek() == null) {
                booking = prev.peek().line().bookingId();
            } else if (prev.peek() == null) {
                booking = cur.peek().line().bookingId();
            } else {
                CreditLine a = cur.peek().line();
                CreditLine b = prev.peek().line();
                booking = StoredLine.ORDER.compare(a, b) <= 0 ? a.bookingId() : b.bookingId();
            }
            action.accept(new BookingLines(booking, cur.takeBooking(booking), prev.takeBooking(booking)));
        }
    }

    private static final class Peeking {
        private final Iterator<StoredLine> lines;
        private StoredLine head;

        Peeking(Iterator<StoredLine> lines) {
            this.lines = lines;
            this.head = lines.hasNext() ? lines.next() : null;
        }

        StoredLine peek() {
            return head;
        }

        List<StoredLine> takeBooking(String bookingId) {
            List<StoredLine> taken = new ArrayList<>(2);
            while (head != null && head.line().bookingId().equals(bookingId)) {
                taken.add(head);
                head = lines.hasNext() ? lines.next() : null;
            }
            return taken;
        }
    }
}
