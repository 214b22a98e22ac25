package com.salesops.packets.packet;

import com.salesops.packets.credit.CreditLine;
import com.salesops.packets.credit.CreditedBooking;

/** A credit (or reversal) line with the booking facts and the names a packet shows beside it. */
public record DealLine(CreditLine line, CreditedBooking booking, String employeeName, String teamName) {
}
