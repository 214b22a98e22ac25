package com.salesops.packets.credit;

import java.util.List;

/** What crediting made of one booking: lines (and the booking's facts), or a reject. Never both. */
public sealed interface CreditOutcome {

    String bookingId();

    record Credited(CreditedBooking booking, List<CreditLine> lines) implements CreditOutcome {
        public Credited {
            lines = List.copyOf(lines);
        }

        @Override
        public String bookingId() {
            return booking.bookingId();
        }
    }

    record Rejected(Reject reject) implements CreditOutcome {
        @Override
        public String bookingId() {
            return reject.bookingId();
        }
    }
}
