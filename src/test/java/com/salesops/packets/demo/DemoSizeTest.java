package com.salesops.packets.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoSizeTest {

    @Test
    void smallIsThreeRegionsOfFourTeamsOfTenRepsWithAboutThirtyThousandBookings() {
        // when
        DemoSize small = DemoSize.small();

        // then
        assertThat(small).isEqualTo(new DemoSize(10, 4, 3, 5, 26_000, 13, 20_261_126L));
        assertThat(small.reps()).isEqualTo(120);
        assertThat(small.firstDay(LocalDate.of(2026, 11, 26))).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(small.expectedBookings(LocalDate.of(2026, 11, 26))).isEqualTo(30_060);
        assertThat(small.expectedBookings(LocalDate.of(2026, 1, 1))).isEqualTo(28_279);
    }

    @Test
    void scaledSizesKeepTeamsOfAboutTenRepsInThreeRegions() {
        // when
        DemoSize m = DemoSize.scaled(1_000, 300_000);
        DemoSize l = DemoSize.scaled(5_000, 2_000_000);

        // then
        assertThat(m).isEqualTo(new DemoSize(10, 33, 3, 40, 300_000, 13, DemoSize.DEFAULT_SEED));
        assertThat(m.reps()).isEqualTo(990);
        assertThat(l).isEqualTo(new DemoSize(10, 167, 3, 200, 2_000_000, 13, DemoSize.DEFAULT_SEED));
        assertThat(l.reps()).isEqualTo(5_010);
    }

    @Test
    void withSeedChangesOnlyTheSeed() {
        // when
        DemoSize other = DemoSize.small().withSeed(7);

        // then
        assertThat(other).isEqualTo(new DemoSize(10, 4, 3, 5, 26_000, 13, 7));
    }

    @Test
    void sizesTooSmallForTheOrgEventsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new DemoSize(5, 4, 3, 5, 26_000, 13, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("repsPerTeam must be at least 6, was 5");
        assertThatThrownBy(() -> new DemoSize(10, 4, 4, 5, 26_000, 13, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("regions must be 1..3, was 4");
        assertThatThrownBy(() -> DemoSize.scaled(10, 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reps must be at least 36, was 10");
    }
}
