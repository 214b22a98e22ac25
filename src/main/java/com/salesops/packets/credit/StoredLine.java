package com.salesops.packets.credit;

import java.util.Objects;

/** A run's credit line as stored, with the account name of its booking (what a change listing shows beside it). */
public record StoredLine(CreditLine line, String accountName) {

    public StoredLine {
        Objects.requireNonNull(line, "line");
    }
}
