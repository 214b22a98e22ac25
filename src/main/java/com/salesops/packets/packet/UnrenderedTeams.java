package com.salesops.packets.packet;

import com.salesops.packets.source.Team;
import com.salesops.packets.support.LoadedReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The render step's reader: the teams of this partition ({@link RenderPartitions}) whose packet is
 * not RENDERED yet. The packet table is the restart state, so a restart reads only the packets
 * that did not finish.
 */
public class UnrenderedTeams extends LoadedReader<Team> {

    private static final Logger log = LoggerFactory.getLogger(UnrenderedTeams.class);

    private final PacketAssembler assembler;
    private final PacketStore packets;
    private final String runKey;

    public UnrenderedTeams(PacketAssembler assembler, PacketStore packets, String runKey) {
        this.assembler = assembler;
        this.packets = packets;
        this.runKey = runKey;
    }

    @Override
    protected List<Team> load(ExecutionContext context) {
        Set<String> done = packets.rendered(runKey).stream().map(RenderedPacket::teamId).collect(Collectors.toSet());
        List<Team> mine = RenderPartitions.teamsOf(assembler, context);
        List<Team> unrendered = mine.stream().filter(t -> !done.contains(t.id())).toList();
        log.info("{}: {} packets to render in this partition, {} rendered before", runKey, unrendered.size(),
                mine.size() - unrendered.size());
        return unrendered;
    }

    /** The assembler this partition's packets are built with (one per step execution). */
    public PacketAssembler assembler() {
        return assembler;
    }
}
