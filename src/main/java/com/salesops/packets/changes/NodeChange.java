package com.salesops.packets.changes;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.calendar.Window;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code changes.csv}: a TEAM or REP row of the run's YEAR window with its change
 * figures and, per window, the change of the printed attainment (absent when undefined).
 *
 * @param teamId as in attainment.csv (REP: the rep-row team; TEAM: the parent team, empty for the root)
 */
public record NodeChange(Level level, String nodeId, Optional<String> teamId, ChangeFigures figures,
                         Map<Window, BigDecimal> attainmentChange) {

    public NodeChange {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(figures, "figures");
        attainmentChange = Map.copyOf(attainmentChange);
    }

    public Optional<BigDecimal> attainmentChange(Window window) {
        return Optional.ofNullable(attainmentChange.get(window));
    }
}
