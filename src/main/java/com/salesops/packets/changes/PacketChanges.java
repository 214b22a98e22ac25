package com.salesops.packets.changes;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one packet shows of the changes since the previous run, restricted to its subtree
 * (docs/numbers.md §8, §10).
 *
 * @param previousRunKey the run compared with; empty when there was none (the packet says so)
 * @param previousAsOf   that run's as-of
 * @param teams          the packet's team first, then its direct child teams (id order)
 * @param reps           the rep rows of changes.csv of the packet's reps (node id order)
 * @param lines          the subtree's new, cancelled and restated deal lines
 */
public record PacketChanges(Optional<String> previousRunKey, Optional<LocalDate> previousAsOf,
                            List<NodeChange> teams, List<NodeChange> reps, ChangedLines lines) {

    public PacketChanges {
        Objects.requireNonNull(previousRunKey, "previousRunKey");
        Objects.requireNonNull(previousAsOf, "previousAsOf");
        teams = List.copyOf(teams);
        reps = List.copyOf(reps);
        Objects.requireNonNull(lines, "lines");
    }

    /** No earlier run to compare with. */
    public static PacketChanges none() {
        return new PacketChanges(Optional.empty(), Optional.empty(), List.of(), List.of(), ChangedLines.of(List.of()));
    }

    public boolean compared() {
        return previousRunKey.isPresent();
    }

    /** The packet team's own figures (when compared). */
    public Optional<NodeChange> team() {
        return teams.isEmpty() ? Optional.empty() : Optional.of(teams.get(0));
    }
}
