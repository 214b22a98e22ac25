package com.salesops.packets.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.testing.JobFixture;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which run a run compares with (docs/numbers.md §10), on real runs of the small fixture on MariaDB: the
 * latest completed run of the same type with an earlier as-of, whole.
 */
class RunHistoryJobTest {

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    private static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear();

    @Test
    void aNightlyComparesWithTheLatestEarlierCompletedNightlyNeverWithAMonthly() {
        // given: two nightlies and a monthly completed
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-20")).isZero();
        assertThat(fixture.job().run("run", "monthly", "--month", "2026-10")).isZero();
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-26")).isZero();

        // when
        Optional<PreviousRun> ofLaterNightly = history().previous(RunPlan.nightly(CALENDAR, LocalDate.of(2026, 11, 27)));
        Optional<PreviousRun> ofNightly = history().previous(RunPlan.nightly(CALENDAR, LocalDate.of(2026, 11, 26)));
        Optional<PreviousRun> ofFirst = history().previous(RunPlan.nightly(CALENDAR, LocalDate.of(2026, 11, 20)));
        Optional<PreviousRun> ofMonthly = history().previous(RunPlan.monthly(CALENDAR, YearMonth.of(2026, 11)));

        // then: as-of strictly earlier, same type; a rerun of 11-26 would compare with 11-20, not itself
        assertThat(ofLaterNightly).map(PreviousRun::runKey).contains("nightly-2026-11-26");
        assertThat(ofNightly).map(PreviousRun::runKey).contains("nightly-2026-11-20");
        assertThat(ofFirst).isEmpty();
        assertThat(ofMonthly).map(PreviousRun::runKey).contains("monthly-2026-10");
        // C = [max(S, Sp), Dp]: both read from 2026-01-01 (calendar fiscal year), so C = 2026-01-01 .. 2026-11-20
        assertThat(ofNightly.orElseThrow().commonSpan(RunPlan.nightly(CALENDAR, LocalDate.of(2026, 11, 26))))
                .contains(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 20)));
        assertThat(history().entry("nightly-2026-11-26").orElseThrow().creditLines())
                .isEqualTo(new CreditStore(fixture.appDb().dataSource()).lineCount("nightly-2026-11-26"));
    }

    @Test
    void aPreviousRunWhoseRowsWereRemovedByHandIsSkippedForTheLatestWholeOne() {
        // given: two nightlies, then one credit line of the later removed by hand
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-15")).isZero();
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-20")).isZero();
        fixture.job().appDb().update("DELETE FROM credit_line WHERE run_key = 'nightly-2026-11-20' AND booking_id = 'B1'");

        // when
        Optional<PreviousRun> previous = history().previous(RunPlan.nightly(CALENDAR, LocalDate.of(2026, 11, 26)));

        // then
        assertThat(previous).map(PreviousRun::runKey).contains("nightly-2026-11-15");
    }

    @Test
    void aPurgedRunIsNobodysPreviousRunAndARerunIsForgottenUntilItCompletes() {
        // given
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-15")).isZero();
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-20")).isZero();
        history().markPurged("nightly-2026-11-20", java.time.Instant.now());

        // when / then: the purged one is skipped
        assertThat(history().previous(RunPlan.nightly(CALENDAR, LocalDate.of(2026, 11, 26))))
                .map(PreviousRun::runKey).contains("nightly-2026-11-15");
        assertThat(history().entry("nightly-2026-11-20").orElseThrow().purged()).isTrue();

        // when: the purged key is run again (a new instance), its record is made afresh
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-20", "--rerun")).isZero();

        // then
        assertThat(history().entry("nightly-2026-11-20").orElseThrow().purged()).isFalse();
        assertThat(history().previous(RunPlan.nightly(CALENDAR, LocalDate.of(2026, 11, 26))))
                .map(PreviousRun::runKey).contains("nightly-2026-11-20");
    }

    private RunHistory history() {
        var app = fixture.appDb().dataSource();
        return new RunHistory(app, new CreditStore(app), new ResultStore(app));
    }
}
