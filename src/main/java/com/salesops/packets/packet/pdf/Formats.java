package com.salesops.packets.packet.pdf;

import com.salesops.packets.attainment.PaceStatus;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** How packet numbers print: Locale.US, HALF_UP to 2 decimals, empty values as "n/a". */
final class Formats {

    static final String NA = "n/a";

    private static final DateTimeFormatter GENERATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** "1,234,567.89"; never "-0.00". */
    static String money(BigDecimal value) {
        if (value == null) {
            return NA;
        }
        // DecimalFormat is not thread-safe: one per call is cheap next to a fill.
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
        return format.format(rounded.signum() == 0 ? rounded.abs() : rounded);
    }

    static String money(Optional<BigDecimal> value) {
        return value.map(Formats::money).orElse(NA);
    }

    /** "84.30 %", as attainment.csv rounds it (plain, 2 decimals, HALF_UP). */
    static String pct(BigDecimal value) {
        return value == null ? NA : plain2(value) + " %";
    }

    static String pct(Optional<BigDecimal> value) {
        return value.map(Formats::pct).orElse(NA);
    }

    /** A plain 2-decimal number, e.g. a pace index "1.02". */
    static String plain2(BigDecimal value) {
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
        return (rounded.signum() == 0 ? rounded.abs() : rounded).toPlainString();
    }

    static String plain2(Optional<BigDecimal> value) {
        return value.map(Formats::plain2).orElse(NA);
    }

    static String rank(OptionalInt rank) {
        return rank.isPresent() ? Integer.toString(rank.getAsInt()) : NA;
    }

    static String pace(Optional<PaceStatus> status) {
        return status.map(Formats::pace).orElse(NA);
    }

    static String pace(PaceStatus status) {
        return switch (status) {
            case ON_PACE -> "On pace";
            case AT_RISK -> "At risk";
            case BEHIND -> "Behind";
        };
    }

    /**
     * A person's name, with the employee id added when the embedded fonts (DejaVu Sans, and Droid Sans
     * Fallback for CJK) cannot draw every character of it: the reader then still sees who it is.
     */
    static String person(String name, String employeeId) {
        if (name == null || name.isBlank()) {
            return employeeId;
        }
        return EmbeddedFont.canDisplay(name) ? name : name + " (" + employeeId + ")";
    }

    static String generated(Instant instant) {
        return GENERATED.format(instant);
    }

    /** The fonts of the "Packet Sans" font set, loaded once to ask which characters they have. */
    private static final class EmbeddedFont {

        private static final Font DEJAVU = load("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");
        private static final Font CJK = load("/fonts/droid/DroidSansFallbackFull.ttf");

        static boolean canDisplay(String text) {
            if (DEJAVU == null) {
                return true;
            }
            return text.codePoints().allMatch(c -> DEJAVU.canDisplay(c) || (CJK != null && CJK.canDisplay(c)));
        }

        private static Font load(String resource) {
            try (InputStream in = Formats.class.getResourceAsStream(resource)) {
                return in == null ? null : Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (FontFormatException | IOException e) {
                return null;
            }
        }
    }
}
