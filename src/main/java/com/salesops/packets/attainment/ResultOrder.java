package com.salesops.packets.attainment;

import com.salesops.packets.source.Ids;
import java.util.Comparator;

/** The orders of docs/architecture.md, "Outputs", with ids compared by Unicode code point (docs/numbers.md §1). */
public final class ResultOrder {

    /** Strings by Unicode code point (the one id order of the project, {@link Ids#ORDER}). */
    public static final Comparator<String> CODE_POINT = Ids.ORDER;

    /** attainment.csv: window, TEAM before REP, node id. */
    public static final Comparator<NodeResult> ROWS = Comparator.comparing(NodeResult::window)
            .thenComparing(NodeResult::level)
            .thenComparing(NodeResult::nodeId, CODE_POINT);

    /** flags.csv: flag, period start, employee id (then period end, so the order is total). */
    public static final Comparator<Flag> FLAGS = Comparator.comparing((Flag f) -> f.flag().name())
            .thenComparing(f -> f.period().start())
            .thenComparing(Flag::employeeId, CODE_POINT)
            .thenComparing(f -> f.period().end());

    private ResultOrder() {
    }
}
