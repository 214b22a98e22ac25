package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.line;
import static com.salesops.packets.attainment.Fixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.testing.MariaDb;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's results written to MariaDB read back as attainment.csv prints them: every column under its own
 * name, percentages and pace_index at 2 decimals (HALF_UP), everything else exactly.
 */
class ResultStoreTest {

    private static final String RUN = "monthly-2026-11";

    private MariaDb db;
    private ResultStore store;

    @BeforeEach
    void createAppTables() {
        db = MariaDb.createWithAppTables("ap_result_store");
        store = new ResultStore(db.dataSource());
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void rowsFlagsAndMonthsReadBackAsPrinted() {
        // given: WEST's €15,000 team quota against 15,000.00 of rep quota (over-assignment −16.67 %), E1 ranked
        // in a tier with credit to the next, E2 and E3 below, E9 with a line but no membership and no quota,
        // E1 pulling in 6,000 of 11,000 on Nov 29
        AttainmentResults results = run(NOV_CLOSE, TeamQuotaTest.base().rep("E1", "WEST", "2020-01-01", null)
                        .teamQuota("WEST", "2026-11", "15000", "EUR").build(),
                line("B1", "E1", "WEST", "2026-11-05", "5000.00"),
                line("B2", "E1", "WEST", "2026-11-29", "6000.00"),
                line("B3", "E2", "WEST", "2026-11-10", "2500.33"),
                line("B4", "E3", "EAST", "2026-10-14", "9000.00"),
                line("B5", "E9", "EAST", "2026-11-20", "100.00"));

        // and: the sample fills in each level's own cells, so a column read under another's name would show
        NodeResult west = Fixture.team(results, Window.MONTH, "WEST");
        assertThat(west.sumOfRepQuotas()).isPresent();
        assertThat(west.overAssignmentPct()).isPresent();
        NodeResult e1 = Fixture.rep(results, Window.MONTH, "E1");
        assertThat(List.of(e1.rankInTeam(), e1.rankInCompany(), e1.currentTier())).allMatch(OptionalInt::isPresent);
        assertThat(List.of(e1.compEstimate(), e1.creditToNextTier())).allMatch(Optional::isPresent);
        assertThat(e1.ranked()).isTrue();
        assertThat(Fixture.rep(results, Window.MONTH, "E9").quota()).isEmpty();

        // when
        store.replace(RUN, results);

        // then
        assertThat(store.rows(RUN)).containsExactlyElementsOf(results.rows().stream().map(ResultStoreTest::printed)
                .toList());
        assertThat(store.flags(RUN)).isNotEmpty().containsExactlyElementsOf(results.flags());
        assertThat(store.months(RUN)).containsExactlyInAnyOrderElementsOf(results.months());
        assertThat(store.rowCount(RUN)).isEqualTo(results.rows().size());
    }

    /** The row as attainment.csv prints it (docs/numbers.md §4): percentages and pace_index at 2 decimals. */
    private static NodeResult printed(NodeResult r) {
        Figures f = r.figures();
        Figures figures = new Figures(f.quota(), f.credited(), round(f.attainmentPct()), round(f.expectedPct()),
                round(f.paceIndex()), f.paceStatus(), round(f.projectedPct()), f.gapToQuota(), f.dealCount());
        return new NodeResult(r.window(), r.period(), r.level(), r.nodeId(), r.nodeName(), r.teamId(), figures,
                r.standing(), new TeamSpread(r.sumOfRepQuotas(), round(r.overAssignmentPct())));
    }

    private static Optional<BigDecimal> round(Optional<BigDecimal> v) {
        return v.map(ResultStoreTest::round);
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
