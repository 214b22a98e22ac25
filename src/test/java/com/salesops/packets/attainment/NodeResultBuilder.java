package com.salesops.packets.attainment;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A sample {@link NodeResult} for tests, set by name. Every setter is named after the row's accessor and takes
 * its type; what is not set is an empty cell (0 deals, not ranked), the name defaults to the id, and credited
 * and expectedPct must be set. Rep-only or team-only figures on the other level fail in {@link #build()}.
 */
public final class NodeResultBuilder {

    private final Window window;
    private final Period period;
    private final Level level;
    private final String nodeId;
    private String nodeName;
    private Optional<String> teamId = Optional.empty();

    private Optional<BigDecimal> quota = Optional.empty();
    private BigDecimal credited;
    private Optional<BigDecimal> attainmentPct = Optional.empty();
    private BigDecimal expectedPct;
    private Optional<BigDecimal> paceIndex = Optional.empty();
    private Optional<PaceStatus> paceStatus = Optional.empty();
    private Optional<BigDecimal> projectedPct = Optional.empty();
    private Optional<BigDecimal> gapToQuota = Optional.empty();
    private int dealCount;

    private OptionalInt rankInTeam = OptionalInt.empty();
    private OptionalInt rankInCompany = OptionalInt.empty();
    private Optional<BigDecimal> compEstimate = Optional.empty();
    private OptionalInt currentTier = OptionalInt.empty();
    private Optional<BigDecimal> creditToNextTier = Optional.empty();
    private boolean ranked;

    private Optional<BigDecimal> sumOfRepQuotas = Optional.empty();
    private Optional<BigDecimal> overAssignmentPct = Optional.empty();

    private NodeResultBuilder(Level level, Window window, Period period, String nodeId) {
        this.level = level;
        this.window = window;
        this.period = period;
        this.nodeId = nodeId;
        this.nodeName = nodeId;
    }

    public static NodeResultBuilder rep(Window window, Period period, String employeeId) {
        return new NodeResultBuilder(Level.REP, window, period, employeeId);
    }

    public static NodeResultBuilder team(Window window, Period period, String teamId) {
        return new NodeResultBuilder(Level.TEAM, window, period, teamId);
    }

    public static NodeResultBuilder node(Level level, Window window, Period period, String nodeId) {
        return new NodeResultBuilder(level, window, period, nodeId);
    }

    public NodeResultBuilder nodeName(String name) {
        this.nodeName = name;
        return this;
    }

    /** REP: the rep-row team; TEAM: the parent team. */
    public NodeResultBuilder teamId(Optional<String> id) {
        this.teamId = id;
        return this;
    }

    public NodeResultBuilder quota(Optional<BigDecimal> v) {
        this.quota = v;
        return this;
    }

    public NodeResultBuilder credited(BigDecimal v) {
        this.credited = v;
        return this;
    }

    public NodeResultBuilder attainmentPct(Optional<BigDecimal> v) {
        this.attainmentPct = v;
        return this;
    }

    public NodeResultBuilder expectedPct(BigDecimal v) {
        this.expectedPct = v;
        return this;
    }

    public NodeResultBuilder paceIndex(Optional<BigDecimal> v) {
        this.paceIndex = v;
        return this;
    }

    public NodeResultBuilder paceStatus(Optional<PaceStatus> v) {
        this.paceStatus = v;
        return this;
    }

    public NodeResultBuilder projectedPct(Optional<BigDecimal> v) {
        this.projectedPct = v;
        return this;
    }

    public NodeResultBuilder gapToQuota(Optional<BigDecimal> v) {
        this.gapToQuota = v;
        return this;
    }

    public NodeResultBuilder dealCount(int v) {
        this.dealCount = v;
        return this;
    }

    public NodeResultBuilder ranks(OptionalInt inTeam, OptionalInt inCompany) {
        this.rankInTeam = inTeam;
        this.rankInCompany = inCompany;
        return this;
    }

    public NodeResultBuilder compEstimate(Optional<BigDecimal> v) {
        this.compEstimate = v;
        return this;
    }

    public NodeResultBuilder currentTier(OptionalInt v) {
        this.currentTier = v;
        return this;
    }

    public NodeResultBuilder creditToNextTier(Optional<BigDecimal> v) {
        this.creditToNextTier = v;
        return this;
    }

    public NodeResultBuilder ranked(boolean v) {
        this.ranked = v;
        return this;
    }

    public NodeResultBuilder sumOfRepQuotas(Optional<BigDecimal> v) {
        this.sumOfRepQuotas = v;
        return this;
    }

    public NodeResultBuilder overAssignmentPct(Optional<BigDecimal> v) {
        this.overAssignmentPct = v;
        return this;
    }

    public NodeResult build() {
        Figures figures = new Figures(quota, credited, attainmentPct, expectedPct, paceIndex, paceStatus, projectedPct,
                gapToQuota, dealCount);
        RepStanding standing = new RepStanding(rankInTeam, rankInCompany, compEstimate, currentTier, creditToNextTier,
                ranked);
        return new NodeResult(window, period, level, nodeId, nodeName, teamId, figures, standing,
                new TeamSpread(sumOfRepQuotas, overAssignmentPct));
    }
}
