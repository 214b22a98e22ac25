package com.salesops.packets.changes;

import com.salesops.packets.calendar.RunType;
import com.salesops.packets.support.Decimals;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** The sentences that say the changes in words (email line, page 1, the packet's "no earlier run"). */
public final class ChangeSentences {

    /** The minus sign people read (the CSV files keep the ASCII hyphen). */
    private static final char MINUS = '\u2212';

    private ChangeSentences() {
    }

    /**
     * e.g. "No earlier nightly packet to compare with: changes since the previous packet start with the
     * next one."
     */
    public static String noPrevious(RunType type) {
        return "No earlier " + type.name().toLowerCase(Locale.ROOT) + " packet to compare with: changes since the "
                + "previous packet start with the next one.";
    }

    /**
     * The email line, e.g. "Since nightly-2026-11-25: +84,210.00 USD on 12 new deals, 1 cancellation,
     * 1 restated deal −5,000.00 USD".
     */
    public static String summary(String previousRunKey, ChangeFigures team, String currency) {
        StringBuilder b = new StringBuilder("Since ").append(previousRunKey).append(": ")
                .append(signed(team.newCredit())).append(' ').append(currency)
                .append(" on ").append(count(team.newDeals(), "new deal", "new deals"))
                .append(", ").append(count(team.cancelledDeals(), "cancellation", "cancellations"))
                .append(", ").append(count(team.restatedDeals(), "restated deal", "restated deals"));
        if (team.restatedDeals() > 0) {
            b.append(' ').append(signed(team.restatedCredit())).append(' ').append(currency);
        }
        return b.toString();
    }

    /** The email line of a packet: the summary, or that there is nothing to compare with. */
    public static String emailLine(PacketChanges changes, RunType type, String currency) {
        if (!changes.compared() || changes.team().isEmpty()) {
            return noPrevious(type);
        }
        return summary(changes.previousRunKey().orElseThrow(), changes.team().get().figures(), currency);
    }

    /** "+84,210.00", "−5,000.00", "0.00". */
    public static String signed(BigDecimal value) {
        String s = Decimals.grouped2(value);
        if (s.startsWith("-")) {
            return MINUS + s.substring(1);
        }
        return Decimals.round2(value).signum() > 0 ? "+" + s : s;
    }

    /** An attainment change in percentage points: "+2.35 pts", "−3.33 pts", "n/a". */
    public static String points(Optional<BigDecimal> change) {
        return change.map(c -> {
            String s = Decimals.plain2(c);
            return (s.startsWith("-") ? MINUS + s.substring(1) : (c.signum() > 0 ? "+" + s : s)) + " pts";
        }).orElse("n/a");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
