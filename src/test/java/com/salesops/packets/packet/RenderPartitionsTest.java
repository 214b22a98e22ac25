package com.salesops.packets.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.source.Team;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Partitions are balanced by expected work (lines in the subtree plus a fixed cost per packet), not by count. */
class RenderPartitionsTest {

    @Test
    void oneRegionPacketOutweighsManyTeamPacketsWhenDealing() {
        // given: a region with 40,000 lines in its subtree and six teams of 3,000 lines each
        List<Team> teams = List.of(team("R1"), team("T1"), team("T2"), team("T3"), team("T4"), team("T5"), team("T6"));
        Map<String, Long> lines = Map.of("R1", 40_000L, "T1", 3_000L, "T2", 3_000L, "T3", 3_000L, "T4", 3_000L,
                "T5", 3_000L, "T6", 3_000L);

        // when
        List<List<Team>> partitions = RenderPartitions.deal(teams, lines, 2);

        // then: costs are lines + 1,000: R1 41,000; each team 4,000. R1 goes to partition 0, then
        // every team to partition 1 (its load 4,000 .. 24,000 stays below 41,000): 41,000 vs 24,000,
        // where dealing by count (4 and 3 packets) would have put up to 53,000 on one side.
        assertThat(partitions.get(0)).extracting(Team::id).containsExactly("R1");
        assertThat(partitions.get(1)).extracting(Team::id).containsExactly("T1", "T2", "T3", "T4", "T5", "T6");
    }

    @Test
    void equalTeamsAlternateAndTiesGoToTheLowerPartition() {
        // given: four teams without lines (cost 1,000 each) and one with 500 lines (cost 1,500)
        List<Team> teams = List.of(team("A"), team("B"), team("C"), team("D"), team("E"));
        Map<String, Long> lines = Map.of("E", 500L);

        // when
        List<List<Team>> partitions = RenderPartitions.deal(teams, lines, 2);

        // then: E (1,500) → 0; A → 1 (1,000); B → 1 (2,000); C → 0 (2,500); D → 1 (3,000)
        assertThat(partitions.get(0)).extracting(Team::id).containsExactly("E", "C");
        assertThat(partitions.get(1)).extracting(Team::id).containsExactly("A", "B", "D");
    }

    private static Team team(String id) {
        return new Team(id, "Team " + id, null, "M-" + id);
    }
}
