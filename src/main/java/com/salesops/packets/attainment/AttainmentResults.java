package com.salesops.packets.attainment;

import java.util.List;

/**
 * Everything {@link AttainmentCalculator} computed: rows in attainment.csv order, flags in flags.csv
 * order, and each node's month-by-month figures over the fiscal year so far (the packets' Trend).
 */
public record AttainmentResults(List<NodeResult> rows, List<Flag> flags, List<MonthFigure> months) {

    public AttainmentResults {
        rows = List.copyOf(rows);
        flags = List.copyOf(flags);
        months = List.copyOf(months);
    }

    public AttainmentResults(List<NodeResult> rows, List<Flag> flags) {
        this(rows, flags, List.of());
    }
}
