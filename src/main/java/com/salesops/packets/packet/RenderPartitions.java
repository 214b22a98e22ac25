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
 * Splits the packets of a run into partitions that render in parallel, one per thread. A partition
 * holds only two small numbers (its index and the count); which teams it renders follows from them
 * deterministically, so a restart re-runs only the partitions that failed, on the same teams.
 * Teams are dealt round-robin, largest subtree first, so the big packets (VP, directors) spread out.
 */
public final class RenderPartitions implements Partitioner {

    public static final String INDEX = "render.partition";
    public static final String COUNT = "render.partitions";

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
        int index = context.getInt(INDEX);
        int count = context.getInt(COUNT);
        Map<String, Integer> size = new HashMap<>();
        teams.forEach(t -> size.put(t.id(), assembler.subtree(t.id()).size()));
        teams.sort(Comparator.comparing((Team t) -> -size.get(t.id())).thenComparing(Team::id, ResultOrder.CODE_POINT));
        List<Team> mine = new ArrayList<>();
        for (int i = index; i < teams.size(); i += count) {
            mine.add(teams.get(i));
        }
        return mine;
    }
}
