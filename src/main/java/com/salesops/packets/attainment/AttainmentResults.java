package com.salesops.packets.attainment;

import java.util.List;

/** Everything {@link AttainmentCalculator} computed: rows in attainment.csv order, flags in flags.csv order. */
public record AttainmentResults(List<NodeResult> rows, List<Flag> flags) {

    public AttainmentResults {
        rows = List.copyOf(rows);
        flags = List.copyOf(flags);
    }
}
