package com.salesops.packets.retention;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a purge removed — or, for a dry run, would remove: each run with its rows per table and its
 * bytes on disk; the runs past retention it kept, and why; or why it was refused.
 */
public record PurgeReport(boolean dryRun, LocalDate today, LocalDate nightliesKeptFrom, YearMonth monthliesKeptFrom,
                          List<Removal> removals, List<Kept> kept, Optional<String> refused) {

    /** One run's rows (table → rows) and bytes of its folder. */
    public record Removal(String runKey, Map<String, Long> rows, long bytesOnDisk) {

        public Removal {
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A run past retention that stays, and why. */
    public record Kept(String runKey, String why) {
    }

    public PurgeReport {
        removals = List.copyOf(removals);
        kept = List.copyOf(kept);
    }

    /** Rows per table over every run removed, tables in the order the stores listed them. */
    public Map<String, Long> rowsPerTable() {
        Map<String, Long> total = new LinkedHashMap<>();
        removals.forEach(r -> r.rows().forEach((table, n) -> total.merge(table, n, Long::sum)));
        return total;
    }

    public long totalRows() {
        return removals.stream().mapToLong(Removal::totalRows).sum();
    }

    public long bytesOnDisk() {
        return removals.stream().mapToLong(Removal::bytesOnDisk).sum();
    }

    /** One line: what was (or would be) removed in all, or why nothing was. */
    public String summary() {
        if (refused.isPresent()) {
            return "purge refused: " + refused.get() + "; nothing removed";
        }
        if (removals.isEmpty()) {
            return "purge: nothing past retention to remove (nightlies kept from " + nightliesKeptFrom
                    + ", monthlies from " + monthliesKeptFrom + ")" + (dryRun ? " [dry run]" : "");
        }
        return "purge: " + (dryRun ? "would remove " : "removed ") + removals.size() + " run(s) ("
                + removals.stream().map(Removal::runKey).collect(Collectors.joining(", ")) + "): "
                + rows(totalRows(), rowsPerTable()) + ", " + number(bytesOnDisk()) + " bytes on disk"
                + (dryRun ? " [dry run: nothing removed]" : "");
    }

    /** Every line a person wants: the rule, each run removed and each run kept. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("purge" + (dryRun ? " --dry-run" : "") + ": today " + today + "; nightlies kept from as-of "
                + nightliesKeptFrom + ", monthlies from " + monthliesKeptFrom);
        for (Removal r : removals) {
            lines.add("  " + (dryRun ? "would remove " : "removed ") + r.runKey() + ": " + rows(r.totalRows(), r.rows())
                    + ", " + number(r.bytesOnDisk()) + " bytes on disk");
        }
        for (Kept k : kept) {
            lines.add("  kept " + k.runKey() + ": " + k.why());
        }
        lines.add(summary());
        return lines;
    }

    private static String rows(long total, Map<String, Long> perTable) {
        return number(total) + " rows (" + perTable.entrySet().stream()
                .map(e -> e.getKey() + " " + number(e.getValue())).collect(Collectors.joining(", ")) + ")";
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
