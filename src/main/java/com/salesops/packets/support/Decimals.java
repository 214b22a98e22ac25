package com.salesops.packets.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding and printing of money, percentages and pace indexes: 2 decimals, HALF_UP
 * (docs/numbers.md, "Money and rounding"), never {@code -0.00}.
 */
public final class Decimals {

    private Decimals() {
    }

    /** HALF_UP to cents; a value that rounds to zero is 0.00, not -0.00. */
    public static BigDecimal round2(BigDecimal value) {
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? rounded.abs() : rounded;
    }

    /** The CSV form: {@code -1234.50}. */
    public static String plain2(BigDecimal value) {
        return round2(value).toPlainString();
    }

    /** The form for people: {@code -1,234.50}, comma thousands separators. */
    public static String grouped2(BigDecimal value) {
        BigDecimal rounded = round2(value);
        String digits = rounded.abs().toPlainString();
        int point = digits.indexOf('.');
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        for (int i = 0; i < point; i++) {
            if (i > 0 && (point - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        b.append(digits, point, digits.length());
        return rounded.signum() < 0 ? "-" + b : b.toString();
    }
}
