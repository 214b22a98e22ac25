package com.salesops.packets.guard;

import com.salesops.packets.calendar.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What the delivery gate looks at: the bookings the run read and rejected, and, when there is a
 * previous run with a span both runs reported, the credited totals of that span in both runs.
 */
public record GateFigures(long bookingsRead, long bookingsRejected, Optional<Comparison> comparison) {

    public GateFigures {
        if (bookingsRead < 0 || bookingsRejected < 0 || bookingsRejected > bookingsRead) {
            throw new IllegalArgumentException("rejected " + bookingsRejected + " of " + bookingsRead + " read");
        }
        Objects.requireNonNull(comparison, "comparison");
    }

    /** Rejects as a % of the bookings read, to 2 decimals; empty when nothing was read. */
    public Optional<BigDecimal> rejectPct() {
        return bookingsRead == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(bookingsRejected * 100)
                .divide(BigDecimal.valueOf(bookingsRead), 2, RoundingMode.HALF_UP));
    }

    /**
     * The run against its previous run over C, the span both reported (docs/numbers.md §10, §13): Σ of PRIMARY
     * lines dated in C in this run ({@code credited}) and in the previous one ({@code previousCredited}).
     */
    public record Comparison(String previousRunKey, Period commonSpan, BigDecimal credited,
                             BigDecimal previousCredited) {

        public Comparison {
            Objects.requireNonNull(previousRunKey, "previousRunKey");
            Objects.requireNonNull(commonSpan, "commonSpan");
            Objects.requireNonNull(credited, "credited");
            Objects.requireNonNull(previousCredited, "previousCredited");
        }

        /**
         * How much the credited total fell, as a % of the previous run's (negative: it grew), to 2
         * decimals; empty when the previous total was not positive (no % of it means anything).
         */
        public Optional<BigDecimal> dropPct() {
            return previousCredited.signum() <= 0 ? Optional.empty() : Optional.of(previousCredited.subtract(credited)
                    .multiply(BigDecimal.valueOf(100)).divide(previousCredited, 2, RoundingMode.HALF_UP));
        }

        /** Exactly (no rounding): fell by more than {@code pct} % of a positive previous total. */
        boolean fellByMoreThan(BigDecimal pct) {
            return previousCredited.signum() > 0 && previousCredited.subtract(credited).multiply(BigDecimal.valueOf(100))
                    .compareTo(pct.multiply(previousCredited)) > 0;
        }
    }
}
