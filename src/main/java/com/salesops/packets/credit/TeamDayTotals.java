package com.salesops.packets.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Credit lines added up per team and line date: PRIMARY credit and the number of lines (all roles,
 * originals and reversals). Packets sum these over their subtree for the pace charts and the Deals
 * line count (a team and a year: a few hundred entries per team).
 */
public final class TeamDayTotals {

    /** One team's day. */
    public record Key(String teamId, LocalDate lineDate) {

        /**
         * The record's own hash ({@code 31 * team + date}) collides for teams whose ids differ in their last
         * characters ("amer-t079", "amer-t080"): a date's hash moves by one per day, so neighbouring teams'
         * years overlap, and at 5,000 reps thousands of the map's bins held eight keys or more.
         */
        @Override
        public int hashCode() {
            return teamId.hashCode() * 0x01000193 ^ (int) lineDate.toEpochDay();
        }
    }

    /** PRIMARY credit and line count of one team's day. */
    public static final class Total {
        private BigDecimal primaryCredit = BigDecimal.ZERO.setScale(2);
        private int lines;

        public BigDecimal primaryCredit() {
            return primaryCredit;
        }

        public int lines() {
            return lines;
        }
    }

    private final Map<Key, Total> totals = new HashMap<>();

    public void accept(CreditLine line) {
        Total t = totals.computeIfAbsent(new Key(line.teamId(), line.lineDate()), k -> new Total());
        t.lines++;
        if (line.isPrimary()) {
            t.primaryCredit = t.primaryCredit.add(line.amountBase());
        }
    }

    public Map<Key, Total> totals() {
        return totals;
    }
}
