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
 * processes in remote mode). A partition holds only two small numbers (its index and the count);
 * which teams it renders follows from them deterministically, so a restart re-runs only the
 * partitions that failed, on the same teams, wherever they run.
 * Partitions are balanced by expected work, not by packet count: one region's packet can cost a
 * hundred team packets. A packet's cost is the credit lines in its subtree (what its Deals sheet
 * and charts stream) plus {@link #PACKET_COST} for the fixed part of a packet (two files, the
 * templates' fill); the largest packets are dealt first, each to the partition with the least
 * work so far (ties: the lower index).
 */
public final class RenderPartitions implements Partitioner {

    public static final String INDEX = "render.partition";
    public static final String COUNT = "render.partitions";

    /**
     * The fixed cost of one packet in credit lines: a small team packet takes ~40 ms before its
     * lines, and a line ~0.02-0.05 ms (BENCHMARKS.md, M and L).
     */
    static final long PACKET_COST = 1_000;

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new HashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(INDEX, i);
            context.putInt(COUNT, gridSize);
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
        return deal(teams, assembler.subtreeLines(), context.getInt(COUNT)).get(context.getInt(INDEX));
    }

    /** Every partition's teams: largest cost first, each to the partition with the least cost so far. */
    static List<List<Team>> deal(List<Team> teams, Map<String, Long> linesByTeam, int count) {
        List<Team> order = new ArrayList<>(teams);
        order.sort(Comparator.comparing((Team t) -> -cost(t, linesByTeam)).thenComparing(Team::id, ResultOrder.CODE_POINT));
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
            load[least] += cost(team, linesByTeam);
        }
        return partitions;
    }

    static long cost(Team team, Map<String, Long> linesByTeam) {
        return PACKET_COST + linesByTeam.getOrDefault(team.id(), 0L);
    }
}
