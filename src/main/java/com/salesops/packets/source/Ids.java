package com.salesops.packets.source;

import java.util.Comparator;

/** Id ordering (docs/numbers.md §1): ids compare as strings by Unicode code point, nulls first. */
public final class Ids {

    /** By Unicode code point; {@link String#compareTo} compares UTF-16 units, which differs above U+FFFF. */
    public static final Comparator<String> ORDER = Comparator.nullsFirst(Ids::compareCodePoints);

    private Ids() {
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
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
