package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.line;
import static com.salesops.packets.attainment.Fixture.rep;
import static com.salesops.packets.attainment.Fixture.run;
import static com.salesops.packets.testing.OrgBuilder.org;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Window;
import com.salesops.packets.testing.OrgBuilder;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Ranks (docs/numbers.md §5): every rep's November quota is 10,000.00, so attainment % = credited / 100. */
class RankingTest {

    static OrgBuilder reps(String... idsAndTeams) {
        OrgBuilder o = org().team("ROOT", "Company", null).team("WEST", "West", "ROOT").team("EAST", "East", "ROOT");
        for (int i = 0; i < idsAndTeams.length; i += 2) {
            o.employee(idsAndTeams[i], "Name " + idsAndTeams[i], "2020-01-01")
                    .rep(idsAndTeams[i], idsAndTeams[i + 1], "2020-01-01", null)
                    .repQuota(idsAndTeams[i], "2026-11", "10000", "USD");
        }
        return o;
    }

    static OptionalInt company(AttainmentResults r, String id) {
        return rep(r, Window.MONTH, id).rankInCompany();
    }

    static OptionalInt inTeam(AttainmentResults r, String id) {
        return rep(r, Window.MONTH, id).rankInTeam();
    }

    @Test
    void tiesShareARankAndTheNextRankIsSkipped() {
        // given: R1 120 %, R2 80 %, R3 80 %, R4 −5 % (a clawback)
        AttainmentResults r = run(NOV_CLOSE, reps("R1", "WEST", "R2", "WEST", "R3", "EAST", "R4", "EAST").build(),
                line("B1", "R1", "WEST", "2026-11-02", "12000.00"),
                line("B2", "R2", "WEST", "2026-11-02", "8000.00"),
                line("B3", "R3", "EAST", "2026-11-02", "8000.00"),
                line("B4", "R4", "EAST", "2026-11-02", "-500.00"));

        // then: company 1, 2, 2, 4
        assertThat(company(r, "R1")).hasValue(1);
        assertThat(company(r, "R2")).hasValue(2);
        assertThat(company(r, "R3")).hasValue(2);
        assertThat(company(r, "R4")).hasValue(4);
        // in team: WEST R1 1, R2 2; EAST R3 1, R4 2
        assertThat(inTeam(r, "R1")).hasValue(1);
        assertThat(inTeam(r, "R2")).hasValue(2);
        assertThat(inTeam(r, "R3")).hasValue(1);
        assertThat(inTeam(r, "R4")).hasValue(2);
    }

    @Test
    void ranksCompareTheTwoDecimalAttainment() {
        // given: 80.004 % and 80.001 % both print 80.00; 80.005 % prints 80.01
        AttainmentResults r = run(NOV_CLOSE, reps("R1", "WEST", "R2", "WEST", "R3", "WEST").build(),
                line("B1", "R1", "WEST", "2026-11-02", "8000.40"),   // 8,000.40 / 10,000 × 100 = 80.004
                line("B2", "R2", "WEST", "2026-11-02", "8000.10"),   // 80.001
                line("B3", "R3", "WEST", "2026-11-02", "8000.50"));  // 80.005 → 80.01

        // then
        assertThat(company(r, "R3")).hasValue(1);
        assertThat(company(r, "R1")).hasValue(2);
        assertThat(company(r, "R2")).hasValue(2);
    }

    @Test
    void overlayTerminatedAndQuotalessRepsAreUnranked() {
        // given: OV an OVERLAY member on D; GONE terminated on D; NOQ without quota; R1 ranked
        OrgBuilder o = reps("R1", "WEST")
                .employee("OV", "Overlay", "2020-01-01").overlay("OV", "WEST", "2020-01-01", null)
                .repQuota("OV", "2026-11", "10000", "USD")
                .employee("GONE", "Gone", "2020-01-01", "2026-11-30").rep("GONE", "WEST", "2020-01-01", null)
                .repQuota("GONE", "2026-11", "10000", "USD")
                .employee("NOQ", "No quota", "2020-01-01").rep("NOQ", "WEST", "2020-01-01", null);

        // when: OV and GONE out-sell R1
        AttainmentResults r = run(NOV_CLOSE, o.build(),
                line("B1", "R1", "WEST", "2026-11-02", "1000.00"),
                line("B2", "OV", "WEST", "2026-11-02", "9000.00"),
                line("B3", "GONE", "WEST", "2026-11-02", "9000.00"),
                line("B4", "NOQ", "WEST", "2026-11-02", "9000.00"));

        // then
        assertThat(company(r, "R1")).hasValue(1);
        assertThat(inTeam(r, "R1")).hasValue(1);
        for (String id : new String[] {"OV", "GONE", "NOQ"}) {
            assertThat(company(r, id)).isEmpty();
            assertThat(inTeam(r, id)).isEmpty();
        }
        assertThat(rep(r, Window.MONTH, "OV").ranked()).isFalse();
        assertThat(rep(r, Window.MONTH, "GONE").ranked()).isFalse();
        assertThat(rep(r, Window.MONTH, "NOQ").ranked()).isTrue();
        assertThat(Fixture.team(r, Window.MONTH, "WEST").rankInCompany()).isEmpty();
    }

    @Test
    void distributionCountsRankedRepsByPrintedBand() {
        // given: 100 %, 99.995 % (prints 100.00), 75 %, 74.99 %, 50 %, 49.99 %, and one eligible rep without quota
        OrgBuilder o = reps("A", "WEST", "B", "WEST", "C", "WEST", "D", "WEST", "E", "WEST", "F", "WEST")
                .employee("G", "G", "2020-01-01").rep("G", "WEST", "2020-01-01", null);
        AttainmentResults r = run(NOV_CLOSE, o.build(),
                line("B1", "A", "WEST", "2026-11-02", "10000.00"),
                line("B2", "B", "WEST", "2026-11-02", "9999.50"),
                line("B3", "C", "WEST", "2026-11-02", "7500.00"),
                line("B4", "D", "WEST", "2026-11-02", "7499.00"),
                line("B5", "E", "WEST", "2026-11-02", "5000.00"),
                line("B6", "F", "WEST", "2026-11-02", "4999.00"));

        // when
        Distribution d = Distributions.of(r.rows().stream().filter(x -> x.window() == Window.MONTH).toList());

        // then: ≥100: A, B; 75–100: C; 50–75: D, E; <50: F; no quota: G; 2 / 6 × 100 = 33.33… %
        assertThat(d.atOrAbove100()).isEqualTo(2);
        assertThat(d.from75To100()).isEqualTo(1);
        assertThat(d.from50To75()).isEqualTo(2);
        assertThat(d.below50()).isEqualTo(1);
        assertThat(d.noQuota()).isEqualTo(1);
        assertThat(d.ranked()).isEqualTo(6);
        assertThat(Fixture.round(d.pctAtOrAbove100().orElseThrow(), 10)).isEqualByComparingTo("33.3333333333");
    }

    @Test
    void distributionWithoutRankedRepsHasNoPercentage() {
        // given
        AttainmentResults r = run(NOV_CLOSE, org().team("T", "T", null).employee("G", "G", "2020-01-01")
                .rep("G", "T", "2020-01-01", null).build());

        // when
        Distribution d = Distributions.of(r.rows().stream().filter(x -> x.window() == Window.YEAR).toList());

        // then
        assertThat(d.ranked()).isZero();
        assertThat(d.noQuota()).isEqualTo(1);
        assertThat(d.pctAtOrAbove100()).isEmpty();
    }
}
