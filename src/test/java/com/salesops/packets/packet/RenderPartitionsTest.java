package com.salesops.packets.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.source.Team;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Partitions are balanced by expected work (lines in the subtree plus a fixed cost per packet), not by count. */
class RenderPartitionsTest {

    @Test
    void oneRegionPacketOutweighsManyTeamPacketsWhenDealing() {
        // given: a region with 40,000 lines in its subtree and six teams of 3,000 lines each
        List<Team> teams = List.of(team("R1"), team("T1"), team("T2"), team("T3"), team("T4"), team("T5"), team("T6"));
        Map<String, Long> lines = Map.of("R1", 40_000L, "T1", 3_000L, "T2", 3_000L, "T3", 3_000L, "T4", 3_000L,
                "T5", 3_000L, "T6", 3_000L);

        // when
        List<List<Team>> partitions = RenderPartitions.deal(teams, lines, 2, Long.MAX_VALUE);

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
        List<List<Team>> partitions = RenderPartitions.deal(teams, lines, 2, Long.MAX_VALUE);

        // then: E (1,500) → 0; A → 1 (1,000); B → 1 (2,000); C → 0 (2,500); D → 1 (3,000)
        assertThat(partitions.get(0)).extracting(Team::id).containsExactly("E", "C");
        assertThat(partitions.get(1)).extracting(Team::id).containsExactly("A", "B", "D");
    }

    @Test
    void aPacketCutToItsLargestLinesIsCountedAtTheCutNotAtItsWholeSubtree() {
        // given: a root over two areas over four teams (2,000,000 lines in all), Deals cut at 200,000 lines
        List<Team> teams = List.of(team("ROOT"), team("A1"), team("A2"), team("T1"), team("T2"), team("T3"),
                team("T4"));
        Map<String, Long> lines = Map.of("ROOT", 2_000_000L, "A1", 1_000_000L, "A2", 1_000_000L,
                "T1", 500_000L, "T2", 500_000L, "T3", 500_000L, "T4", 500_000L);

        // when
        List<List<Team>> cut = RenderPartitions.deal(teams, lines, 2, 200_000);
        List<List<Team>> whole = RenderPartitions.deal(teams, lines, 2, Long.MAX_VALUE);

        // then: cut, each packet costs 201,000 (the root and areas streaming 200,000 of their largest
        // lines, the teams 200,000 of their 500,000): A1 → 0, A2 → 1, ROOT → 0, T1 → 1, T2 → 0, T3 → 1,
        // T4 → 0 (ties: the lower partition; same cost: id order), 4 and 3 packets of equal cost.
        assertThat(cut.get(0)).extracting(Team::id).containsExactly("A1", "ROOT", "T2", "T4");
        assertThat(cut.get(1)).extracting(Team::id).containsExactly("A2", "T1", "T3");
        // counted whole (ROOT 2,001,000, areas 1,001,000, teams 501,000): ROOT → 0, A1 and A2 → 1
        // (2,002,000), T1 → 0 (2,502,000), T2 → 1 (2,503,000), T3 → 0, T4 → 1
        assertThat(whole.get(0)).extracting(Team::id).containsExactly("ROOT", "T1", "T3");
        assertThat(whole.get(1)).extracting(Team::id).containsExactly("A1", "A2", "T2", "T4");
    }

    @Test
    void partitionsCarryTheCutTheyWereDealtWithAndOnesMadeWithoutItAreDealtByWholeSubtrees() {
        // given
        Map<String, ExecutionContext> made = new RenderPartitions(200_000).partition(2);
        ExecutionContext before = new ExecutionContext();
        before.putInt(RenderPartitions.INDEX, 0);
        before.putInt(RenderPartitions.COUNT, 2);

        // when / then: a restart deals with the cut stored at the start, whatever the config is by then;
        // partitions stored by a version that did not count the cut are dealt as it dealt them
        assertThat(made).hasSize(2).allSatisfy((name, context) ->
                assertThat(RenderPartitions.cut(context)).isEqualTo(200_000L));
        assertThat(RenderPartitions.cut(before)).isEqualTo(Long.MAX_VALUE);
    }

    private static Team team(String id) {
        return new Team(id, "Team " + id, null, "M-" + id);
    }
}
