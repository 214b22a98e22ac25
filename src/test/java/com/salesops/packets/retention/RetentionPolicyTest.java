package com.salesops.packets.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesops.packets.calendar.RunType;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Past retention is decided by the run's as-of date, counted back from today (docs/architecture.md,
 * "Retention").
 */
class RetentionPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final RetentionPolicy DEFAULTS = new RetentionPolicy(14, 24);

    @Test
    void aNightlyIsPastRetentionWhenItsAsOfIsMoreThanNightlyDaysBeforeToday() {
        // given: 14 days back from 2026-12-06 is 2026-11-22, the earliest as-of kept
        // when / then
        assertThat(DEFAULTS.nightliesKeptFrom(TODAY)).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(DEFAULTS.pastRetention(RunType.NIGHTLY, LocalDate.of(2026, 11, 22), TODAY)).isFalse();
        assertThat(DEFAULTS.pastRetention(RunType.NIGHTLY, LocalDate.of(2026, 11, 21), TODAY)).isTrue();
        assertThat(DEFAULTS.pastRetention(RunType.NIGHTLY, LocalDate.of(2026, 12, 5), TODAY)).isFalse();
    }

    @Test
    void aMonthlyIsPastRetentionWhenItsMonthIsMoreThanMonthlyMonthsBeforeThisMonth() {
        // given: 24 months back from 2026-12 is 2024-12, the earliest month kept; a monthly's as-of is its month's last day
        // when / then
        assertThat(DEFAULTS.monthliesKeptFrom(TODAY)).isEqualTo(YearMonth.of(2024, 12));
        assertThat(DEFAULTS.pastRetention(RunType.MONTHLY, LocalDate.of(2024, 12, 31), TODAY)).isFalse();
        assertThat(DEFAULTS.pastRetention(RunType.MONTHLY, LocalDate.of(2024, 11, 30), TODAY)).isTrue();
        assertThat(DEFAULTS.pastRetention(RunType.MONTHLY, LocalDate.of(2026, 11, 30), TODAY)).isFalse();
    }

    @Test
    void typesHaveTheirOwnPeriods() {
        // given: a nightly and a monthly with the same as-of, 40 days ago
        LocalDate asOf = LocalDate.of(2026, 10, 31);

        // when / then: 40 days > 14 days, but October is 2 months back, < 24
        assertThat(DEFAULTS.pastRetention(RunType.NIGHTLY, asOf, TODAY)).isTrue();
        assertThat(DEFAULTS.pastRetention(RunType.MONTHLY, asOf, TODAY)).isFalse();
    }

    @Test
    void keepingNoDayIsRefused() {
        assertThatThrownBy(() -> new RetentionPolicy(0, 24)).hasMessageContaining("at least 1 day");
        assertThatThrownBy(() -> new RetentionPolicy(14, 0)).hasMessageContaining("1 month");
    }
}
