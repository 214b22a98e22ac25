package com.salesops.packets.packet;

import com.salesops.packets.attainment.ResultOrder;
import com.salesops.packets.packet.PacketAssembler;
import com.salesops.packets.source.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the packets of a run into partitions that render in parallel (on threads, or on worker
 * processes in remote mode). A partition holds only a few small numbers (its index, the count and
 * the Deals cut it was dealt with); which teams it renders follows from them deterministically, so a
 * restart re-runs only the partitions that failed, on the same teams, wherever they run.
 * Partitions are balanced by expected work, not by packet count: one region's packet can cost a
 * hundred team packets. A packet's cost is the credit lines its Deals sheet streams (the lines in its
 * subtree, at most {@code packets.excel.max-deal-rows}: a larger packet streams only that many of its
 * largest) plus {@link #PACKET_COST} for the fixed part of a packet (two files, the templates' fill);
 * the largest packets are dealt first, each to the partition with the least work so far (ties: the
 * lower index). Partitions made before the cut was counted (their context has no {@link #CUT}) are
 * dealt as they were then, by whole subtrees, so their restart renders the same teams.
 */
public final class RenderPartitions implements Partitioner {

    public static final String INDEX = "render.partition";
    public static final String COUNT = "render.partitions";
    /** The max-deal-rows the partitions were dealt with: a restart deals with it, whatever the config says now. */
    public static final String CUT = "render.deal-cut";
    /** The cost of partitions made before {@link #CUT}: every line of the subtree counted. */
    private static final long NO_CUT = Long.MAX_VALUE;

    /**
     * The fixed cost of one packet in credit lines: a small team packet takes ~40 ms before its
     * lines, and a line ~0.02-0.05 ms (BENCHMARKS.md, M and L).
     */
    static final long PACKET_COST = 1_000;

    private final int maxDealRows;

    /** @param maxDealRows {@code packets.excel.max-deal-rows}: the most lines a packet's Deals sheet streams */
    public RenderPartitions(int maxDealRows) {
        this.maxDealRows = maxDealRows;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new HashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(INDEX, i);
            context.putInt(COUNT, gridSize);
            context.putInt(CUT, maxDealRows);
            partitions.put("partition" + i, context);
        }
        return partitions;
    }

    /** The teams of the partition described by {@code context} (all teams when it is not partitioned). */
    static List<Team> teamsOf(PacketAssembler assembler, ExecutionContext context) {
        List<Team> teams = new ArrayList<>(assembler.packetTeams());
        if (!context.containsKey(COUNT)) {
            return teams;
        }
        return deal(teams, assembler.subtreeLines(), context.getInt(COUNT), cut(context)).get(context.getInt(INDEX));
    }

    /** The most lines a packet was counted at when this partition was dealt ({@link #CUT}). */
    static long cut(ExecutionContext context) {
        return context.containsKey(CUT) ? context.getInt(CUT) : NO_CUT;
    }

    /**
     * Every partition's teams: largest cost first, each to the partition with the least cost so far.
     * {@code cut}: the most lines a packet streams.
     */
    static List<List<Team>> deal(List<Team> teams, Map<String, Long> linesByTeam, int count, long cut) {
        List<Team> order = new ArrayList<>(teams);
        order.sort(Comparator.comparing((Team t) -> -cost(t, linesByTeam, cut))
                .thenComparing(Team::id, ResultOrder.CODE_POINT));
        List<List<Team>> partitions = new ArrayList<>();
        long[] load = new long[count];
        for (int i = 0; i < count; i++) {
            partitions.add(new ArrayList<>());
        }
        for (Team team : order) {
            int least = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            partitions.get(least).add(team);
            load[least] += cost(team, linesByTeam, cut);
        }
        return partitions;
    }

    static long cost(Team team, Map<String, Long> linesByTeam, long cut) {
        return PACKET_COST + Math.min(linesByTeam.getOrDefault(team.id(), 0L), cut);
    }
}
