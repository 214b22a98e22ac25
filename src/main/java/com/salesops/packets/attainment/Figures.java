package com.salesops.packets.attainment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures every result row has, rep or team (docs/numbers.md §3–4): the quota, the credit and
 * what follows from them. Empty optionals are empty cells. Money has 2 decimals (HALF_UP);
 * percentages and pace_index are kept exact here and rounded to 2 decimals only when written.
 *
 * @param quota         empty for a rep without a quota in the window (a team always has one)
 * @param attainmentPct credited / quota × 100; empty when the quota is missing or 0
 * @param expectedPct   the share of the window elapsed up to D, × 100
 * @param paceIndex     attainmentPct / expectedPct
 * @param paceStatus    from the pace index as printed
 * @param projectedPct  attainmentPct × 100 / expectedPct
 * @param gapToQuota    max(quota − credited, 0); empty without a quota
 * @param dealCount     bookings with positive, non-reversal credit in the window
 */
public record Figures(
        Optional<BigDecimal> quota,
        BigDecimal credited,
        Optional<BigDecimal> attainmentPct,
        BigDecimal expectedPct,
        Optional<BigDecimal> paceIndex,
        Optional<PaceStatus> paceStatus,
        Optional<BigDecimal> projectedPct,
        Optional<BigDecimal> gapToQuota,
        int dealCount) {

    public Figures {
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(attainmentPct, "attainmentPct");
        Objects.requireNonNull(expectedPct, "expectedPct");
        Objects.requireNonNull(paceIndex, "paceIndex");
        Objects.requireNonNull(paceStatus, "paceStatus");
        Objects.requireNonNull(projectedPct, "projectedPct");
        Objects.requireNonNull(gapToQuota, "gapToQuota");
    }
}
