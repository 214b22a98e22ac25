package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of {@code attainment.csv} (docs/numbers.md §4–6; columns in docs/architecture.md, "Outputs") plus the extra figures packets show.
 * A row is which node in which window, the {@link Figures} every node has, the {@link RepStanding} only a rep has
 * and the {@link TeamSpread} only a team has: a team row's standing is {@link RepStanding#NONE}, a rep row's spread
 * {@link TeamSpread#NONE}. The accessors below read through to the groups, so readers see one flat row.
 *
 * @param teamId REP: the rep-row team (docs/numbers.md §5); TEAM: the parent team (empty for the root)
 */
public record NodeResult(
        Window window,
        Period period,
        Level level,
        String nodeId,
        String nodeName,
        Optional<String> teamId,
        Figures figures,
        RepStanding standing,
        TeamSpread spread) {

    public NodeResult {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(spread, "spread");
        if (level == Level.TEAM && !standing.equals(RepStanding.NONE)) {
            throw new IllegalArgumentException("team " + nodeId + ": a team row has no rep standing, got " + standing);
        }
        if (level == Level.REP && !spread.equals(TeamSpread.NONE)) {
            throw new IllegalArgumentException("rep " + nodeId + ": a rep row has no team spread, got " + spread);
        }
    }

    /** A team's row; {@code parentId} is empty for the root. */
    public static NodeResult team(Window window, Period period, String teamId, String name, Optional<String> parentId,
                                  Figures figures, TeamSpread spread) {
        return new NodeResult(window, period, Level.TEAM, teamId, name, parentId, figures, RepStanding.NONE, spread);
    }

    /** A rep's row; {@code teamId} is the rep-row team. */
    public static NodeResult rep(Window window, Period period, String employeeId, String name, Optional<String> teamId,
                                 Figures figures, RepStanding standing) {
        return new NodeResult(window, period, Level.REP, employeeId, name, teamId, figures, standing, TeamSpread.NONE);
    }

    /** This rep row with these ranks (docs/numbers.md §5). */
    public NodeResult withRanks(OptionalInt inTeam, OptionalInt inCompany) {
        return new NodeResult(window, period, level, nodeId, nodeName, teamId, figures,
                standing.withRanks(inTeam, inCompany), spread);
    }

    // Figures

    public Optional<BigDecimal> quota() {
        return figures.quota();
    }

    public BigDecimal credited() {
        return figures.credited();
    }

    public Optional<BigDecimal> attainmentPct() {
        return figures.attainmentPct();
    }

    public BigDecimal expectedPct() {
        return figures.expectedPct();
    }

    public Optional<BigDecimal> paceIndex() {
        return figures.paceIndex();
    }

    public Optional<PaceStatus> paceStatus() {
        return figures.paceStatus();
    }

    public Optional<BigDecimal> projectedPct() {
        return figures.projectedPct();
    }

    public Optional<BigDecimal> gapToQuota() {
        return figures.gapToQuota();
    }

    public int dealCount() {
        return figures.dealCount();
    }

    // RepStanding (empty for a team)

    public OptionalInt rankInTeam() {
        return standing.rankInTeam();
    }

    public OptionalInt rankInCompany() {
        return standing.rankInCompany();
    }

    public Optional<BigDecimal> compEstimate() {
        return standing.compEstimate();
    }

    public OptionalInt currentTier() {
        return standing.currentTier();
    }

    public Optional<BigDecimal> creditToNextTier() {
        return standing.creditToNextTier();
    }

    public boolean ranked() {
        return standing.ranked();
    }

    // TeamSpread (empty for a rep)

    public Optional<BigDecimal> sumOfRepQuotas() {
        return spread.sumOfRepQuotas();
    }

    public Optional<BigDecimal> overAssignmentPct() {
        return spread.overAssignmentPct();
    }
}
