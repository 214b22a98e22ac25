package com.salesops.packets.attainment;

import java.util.Comparator;

/** The orders of DESIGN §5, with ids compared by Unicode code point (§4.1). */
public final class ResultOrder {

    /** Strings by Unicode code point (String.compareTo compares UTF-16 units, which differs above U+FFFF). */
    public static final Comparator<String> CODE_POINT = ResultOrder::compareCodePoints;

    /** attainment.csv: window, TEAM before REP, node id. */
    public static final Comparator<NodeResult> ROWS = Comparator.comparing(NodeResult::window)
            .thenComparing(NodeResult::level)
            .thenComparing(NodeResult::nodeId, CODE_POINT);

    /** flags.csv: flag, period start, employee id. */
    public static final Comparator<Flag> FLAGS = Comparator.comparing((Flag f) -> f.flag().name())
            .thenComparing(f -> f.period().start())
            .thenComparing(Flag::employeeId, CODE_POINT);

    private ResultOrder() {
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
