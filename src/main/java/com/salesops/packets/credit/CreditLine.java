package com.salesops.packets.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of credit (docs/numbers.md §2): what one employee earned (or lost, for a reversal) from one
 * booking, in the base currency, on {@code lineDate} (the booking date, or the cancellation date
 * for a reversal), booked to {@code teamId}.
 *
 * @param bookingDate    the booking's date (equal to lineDate unless this is a reversal)
 * @param cancelledDate  the booking's effective cancellation date (within the run's read range), or null
 */
public record CreditLine(
        String bookingId,
        String employeeId,
        String teamId,
        CreditRole role,
        BigDecimal splitPercent,
        LocalDate lineDate,
        BigDecimal amountBase,
        boolean reversal,
        LocalDate bookingDate,
        LocalDate cancelledDate) {

    public CreditLine {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(lineDate, "lineDate");
        Objects.requireNonNull(amountBase, "amountBase");
        if (amountBase.scale() != 2) {
            throw new IllegalArgumentException("amountBase must have 2 decimals: " + amountBase);
        }
    }

    public boolean isPrimary() {
        return role == CreditRole.PRIMARY;
    }
}
