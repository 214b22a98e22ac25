package com.salesops.packets.demo;

import com.salesops.packets.credit.RejectReason;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link DemoDataGenerator#generate} wrote: row counts per table and the dirty bookings with
 * the reject reason each must get (docs/numbers.md §9). {@code bookings} and {@code credits} include the
 * dirty ones.
 *
 * @param firstDay        the first day of generated data
 * @param dirtyBookings   booking id → the reason crediting must reject it with, in id order
 * @param oddButValidBookings bookings with odd but legal text (status or currency in odd case or
 *                        with spaces) that crediting must accept, in id order
 */
public record DemoSummary(LocalDate asOf, LocalDate firstDay, int employees, int teams, int memberships,
                          int repQuotas, int teamQuotas, int fxRates, int bookings, int credits,
                          Map<String, RejectReason> dirtyBookings, List<String> oddButValidBookings) {

    public DemoSummary {
        dirtyBookings = Collections.unmodifiableMap(new TreeMap<>(dirtyBookings));
        oddButValidBookings = List.copyOf(new TreeSet<>(oddButValidBookings));
    }

    /** How many dirty bookings expect each reason; every reason is present. */
    public Map<RejectReason, Integer> dirtyByReason() {
        Map<RejectReason, Integer> counts = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            counts.put(reason, 0);
        }
        dirtyBookings.values().forEach(reason -> counts.merge(reason, 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }
}
