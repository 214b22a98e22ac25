package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Ranked reps by attainment band (docs/numbers.md §5) for one set of reps and one window.
 * Bands: ≥ 100 %, [75, 100), [50, 75), < 50 %, using the 2-decimal attainment.
 *
 * @param pctAtOrAbove100 % of ranked reps at or above 100 (empty when no rep is ranked)
 */
public record Distribution(int atOrAbove100, int from75To100, int from50To75, int below50, int noQuota,
                           Optional<BigDecimal> pctAtOrAbove100) {

    public int ranked() {
        return atOrAbove100 + from75To100 + from50To75 + below50;
    }
}
