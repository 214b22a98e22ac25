package com.salesops.packets.packet;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The deal lines of one packet, streamed (a VP packet may hold millions): every call replays them
 * in the same order (line date, booking id, employee id, originals before reversals).
 */
@FunctionalInterface
public interface DealSource {

    void forEach(Consumer<DealLine> action);

    /**
     * The packet's lines of the given bookings only, in the same order, whether or not they are
     * among the lines {@link #forEach} shows (a packet cut to its largest lines still finds a
     * flagged small deal). The default replays everything; a database-backed source asks for just
     * these bookings.
     */
    default void forEachOfBookings(Set<String> bookingIds, Consumer<DealLine> action) {
        forEach(line -> {
            if (bookingIds.contains(line.line().bookingId())) {
                action.accept(line);
            }
        });
    }
}
