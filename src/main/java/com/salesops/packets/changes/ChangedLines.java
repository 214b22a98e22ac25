package com.salesops.packets.changes;

import com.salesops.packets.attainment.ResultOrder;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The changed deal lines of one packet (its subtree only), by kind, largest change first. A VP's
 * packet after a long gap may hold many: the database-backed lines are read when asked for.
 */
public interface ChangedLines {

    /**
     * Largest |after − before| first, then booking id and employee id in code point order: the order of
     * {@code changed_line}'s queries under the binary collation the README asks the app database to have.
     */
    Comparator<ChangedLine> LARGEST_FIRST = Comparator.comparing((ChangedLine l) -> l.delta().abs()).reversed()
            .thenComparing(l -> l.deal().bookingId(), ResultOrder.CODE_POINT)
            .thenComparing(l -> l.deal().employeeId(), ResultOrder.CODE_POINT);

    long count(ChangeKind kind);

    /** At most {@code limit} lines of a kind, largest change first. */
    List<ChangedLine> largest(ChangeKind kind, int limit);

    /** Every line of a kind, largest change first. */
    void forEach(ChangeKind kind, Consumer<ChangedLine> action);

    /** Lines held in memory (a run's held changed lines, tests, sample packets). */
    static ChangedLines of(List<ChangedLine> lines) {
        List<ChangedLine> sorted = lines.stream().sorted(LARGEST_FIRST).toList();
        return new ChangedLines() {
            @Override
            public long count(ChangeKind kind) {
                return sorted.stream().filter(l -> l.kind() == kind).count();
            }

            @Override
            public List<ChangedLine> largest(ChangeKind kind, int limit) {
                return sorted.stream().filter(l -> l.kind() == kind).limit(limit).toList();
            }

            @Override
            public void forEach(ChangeKind kind, Consumer<ChangedLine> action) {
                sorted.stream().filter(l -> l.kind() == kind).forEach(action);
            }
        };
    }
}
