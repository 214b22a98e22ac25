package com.salesops.packets.packet.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Fonts for text drawn inside charts. JFreeChart draws each label in one AWT font, without the font
 * set's per-script fallback that text fields get, so a label the chart font cannot draw (a Chinese
 * name in DejaVu Sans) would print as empty boxes: such a label gets Droid Sans Fallback, the font
 * set's CJK face, registered with the JVM so the PDF export embeds it like any other font. That face
 * has no Latin letters or digits, so such a label writes them in their fullwidth forms (（Ｅ００１）),
 * which it has.
 */
final class ChartFonts {

    static final String FALLBACK_FAMILY = "Droid Sans Fallback";
    private static final Font FALLBACK = register("/fonts/droid/DroidSansFallbackFull.ttf");
    /** The charts' own font (the "base" style of the chart templates). */
    static final Font DEJAVU = load("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");

    private ChartFonts() {
    }

    /** {@code base} when it draws every character of {@code label}, else the fallback in the same style and size. */
    static Font forLabel(String label, Font base) {
        if (base.canDisplayUpTo(label) == -1) {
            return base;
        }
        return FALLBACK.deriveFont(base.getStyle(), base.getSize2D());
    }

    /**
     * A chart label as drawn: unchanged when DejaVu Sans has every character, else with its ASCII
     * letters, digits and signs in fullwidth forms, so the fallback face draws all of it.
     */
    static String label(String text) {
        if (DEJAVU.canDisplayUpTo(text) == -1) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.chars().forEach(c -> b.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return b.toString();
    }

    private static Font register(String resource) {
        Font font = load(resource);
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
        return font;
    }

    private static Font load(String resource) {
        try (InputStream in = ChartFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException e) {
            throw new IllegalStateException(resource + " is not a TrueType font", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
