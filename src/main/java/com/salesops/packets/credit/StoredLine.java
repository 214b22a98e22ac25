package com.salesops.packets.credit;

import com.salesops.packets.source.Ids;
import java.util.Comparator;
import java.util.Objects;

/** A run's credit line as stored, with the account name of its booking (what a change listing shows beside it). */
public record StoredLine(CreditLine line, String accountName) {

    /**
     * The order a {@link LineCursor} yields: booking id, then employee id (code point order), the
     * original before its reversal. Two runs' lines in this order merge in one pass.
     */
    public static final Comparator<CreditLine> ORDER = Comparator.comparing(CreditLine::bookingId, Ids.ORDER)
            .thenComparing(CreditLine::employeeId, Ids.ORDER)
            .thenComparing(CreditLine::reversal);

    public StoredLine {
        Objects.requireNonNull(line, "line");
    }
}
