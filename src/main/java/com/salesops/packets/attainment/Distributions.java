package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/** The attainment distribution of docs/numbers.md §5 over the ranked rep rows of one window. */
public final class Distributions {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal SEVENTY_FIVE = new BigDecimal("75");
    private static final BigDecimal FIFTY = new BigDecimal("50");

    private Distributions() {
    }

    /**
     * Bands of the 2-decimal attainment of ranked reps; {@code noQuota} counts rank-eligible reps whose
     * quota is missing or 0.00 (no attainment). Team rows passed in are ignored.
     */
    public static Distribution of(Collection<NodeResult> repRowsOfOneWindow) {
        int top = 0;
        int high = 0;
        int mid = 0;
        int low = 0;
        int noQuota = 0;
        for (NodeResult r : repRowsOfOneWindow) {
            if (r.level() != Level.REP || !r.ranked()) {
                continue;
            }
            if (r.attainmentPct().isEmpty()) {
                noQuota++;
                continue;
            }
            BigDecimal a = Ranking.printed(r);
            if (a.compareTo(HUNDRED) >= 0) {
                top++;
            } else if (a.compareTo(SEVENTY_FIVE) >= 0) {
                high++;
            } else if (a.compareTo(FIFTY) >= 0) {
                mid++;
            } else {
                low++;
            }
        }
        int ranked = top + high + mid + low;
        Optional<BigDecimal> pct = ranked == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(top).multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(ranked), AttainmentCalculator.MC));
        return new Distribution(top, high, mid, low, noQuota, pct);
    }
}
