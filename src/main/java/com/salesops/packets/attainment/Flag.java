package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import java.math.BigDecimal;
import java.util.List;

/** One row of {@code flags.csv} (docs/numbers.md §7); {@code bookingIds} ascending. */
public record Flag(FlagType flag, String employeeId, String teamId, Period period, List<String> bookingIds, BigDecimal amount) {

    public Flag {
        bookingIds = List.copyOf(bookingIds);
    }
}
