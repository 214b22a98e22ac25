package com.salesops.packets.support;

/** Ids from the source database made safe as one path segment (no separators, no dot-dot, no control chars). */
public final class FileNames {

    private FileNames() {
    }

    public static String safe(String id) {
        StringBuilder b = new StringBuilder(id.length());
        id.codePoints().forEach(c -> b.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_'));
        String s = b.toString();
        if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
            s = "_" + s;
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
