package com.salesops.packets.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.NodeResultBuilder;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** One order and one cut for every view: best first by printed attainment, ties never split. */
class RepOrderTest {

    @Test
    void lowestThreeIncludeEveryRepTiedWithTheThirdLowest() {
        // given: seven reps; four share 0.00 % (the emea-south: three shown, the fourth hidden)
        List<NodeResult> best = RepOrder.withAttainmentBestFirst(List.of(rep("E1", "A", "120.00"),
                rep("E2", "B", "95.50"), rep("E3", "C", "40.00"), rep("E4", "D", "0.00"), rep("E5", "E", "0.00"),
                rep("E6", "F", "0.004"), rep("E7", "G", "-0.001")), Window.QUARTER);

        // when
        List<NodeResult> lowest = RepOrder.lastWithTies(best, 3);

        // then: 0.004 and −0.001 print as 0.00 too, so four reps tie at the cut and all four are listed
        assertThat(lowest).extracting(NodeResult::nodeId).containsExactlyInAnyOrder("E4", "E5", "E6", "E7");
        // competition ranks 1, 2, 3, then 4, 4, 4, 4
        assertThat(RepOrder.competitionRanks(best)).containsEntry("E1", 1).containsEntry("E3", 3)
                .containsEntry("E4", 4).containsEntry("E7", 4);
    }

    @Test
    void bestThreeIncludeTiesAtTheThirdAndNoMoreWithoutATie() {
        // given
        List<NodeResult> tied = RepOrder.withAttainmentBestFirst(List.of(rep("E1", "A", "110.00"),
                rep("E2", "B", "100.00"), rep("E3", "C", "90.00"), rep("E4", "D", "90.00"), rep("E5", "E", "10.00")),
                Window.QUARTER);
        List<NodeResult> untied = tied.subList(0, 3);

        // when / then
        assertThat(RepOrder.firstWithTies(tied, 3)).extracting(NodeResult::nodeId)
                .containsExactly("E1", "E2", "E3", "E4");
        assertThat(RepOrder.firstWithTies(untied, 2)).extracting(NodeResult::nodeId).containsExactly("E1", "E2");
    }

    @Test
    void chartLabelsAddTheIdOnlyWhereNamesRepeat() {
        // given: three reps named 张敏 (the root chart) and one other
        List<NodeResult> reps = List.of(rep("E1", "张敏", "50.00"), rep("E2", "张敏", "40.00"),
                rep("E3", "张敏", "30.00"), rep("E4", "Ana", "20.00"));

        // when
        Map<String, String> labels = RepOrder.chartLabels(reps);

        // then
        assertThat(labels).containsEntry("E1", "张敏 (E1)").containsEntry("E3", "张敏 (E3)").containsEntry("E4", "Ana");
    }

    private static NodeResult rep(String id, String name, String attainment) {
        Period q = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
        return NodeResultBuilder.rep(Window.QUARTER, q, id).nodeName(name).teamId(Optional.of("t"))
                .quota(Optional.of(new BigDecimal("1000.00"))).credited(BigDecimal.ZERO)
                .attainmentPct(Optional.of(new BigDecimal(attainment))).expectedPct(new BigDecimal("50"))
                .ranks(OptionalInt.of(1), OptionalInt.of(1)).ranked(true)
                .build();
    }
}
