package com.salesops.packets.credit;

import static com.salesops.packets.testing.OrgBuilder.cancelled;
import static com.salesops.packets.testing.OrgBuilder.d;
import static com.salesops.packets.testing.OrgBuilder.org;
import static com.salesops.packets.testing.OrgBuilder.primary;
import static com.salesops.packets.testing.OrgBuilder.overlayCredit;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.source.Booking;
import com.salesops.packets.source.Org;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D = 2026-11-26, S = 2026-01-01 (see {@link CreditingTest#PLAN}). */
class CancellationTest {

    static Org org1() {
        return CreditingTest.westOrg().build();
    }

    @Test
    void cancellationInSameMonthNetsToZero() {
        // given
        Booking b = cancelled("B1", "2026-11-02", "1000.00", "EUR", "2026-11-20", primary("E1", "100"));

        // when
        CreditOutcome.Credited c = CreditingTest.creditOf(org1(), b);

        // then: €1,000 × 1.1000 (Nov falls back to Oct) = 1,100.00 on 11-02, −1,100.00 on 11-20
        assertThat(c.lines()).hasSize(2);
        assertThat(c.lines().get(0).amountBase()).isEqualByComparingTo("1100.00");
        assertThat(c.lines().get(0).lineDate()).isEqualTo(d("2026-11-02"));
        assertThat(c.lines().get(1).amountBase()).isEqualByComparingTo("-1100.00");
        assertThat(c.lines().get(1).lineDate()).isEqualTo(d("2026-11-20"));
        assertThat(c.lines().get(1).reversal()).isTrue();
        assertThat(c.lines().stream().map(CreditLine::amountBase).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0.00");
        assertThat(c.lines()).allSatisfy(l -> assertThat(l.cancelledDate()).isEqualTo(d("2026-11-20")));
        assertThat(c.booking().cancelledDate()).isEqualTo(d("2026-11-20"));
    }

    @Test
    void cancellationInLaterMonthReversesCreditInThatMonth() {
        // given: booked in September at 1.0850, cancelled in October
        Booking b = cancelled("B1", "2026-09-10", "2000.00", "EUR", "2026-10-03", primary("E1", "50"), primary("E2", "50"));

        // when
        List<CreditLine> lines = CreditingTest.creditOf(org1(), b).lines();

        // then: originals first (E1, E2), then reversals (E1, E2)
        // €2,000 × 50 % × 1.0850 = 1,085.00 each, reversed with the September amount, not October's rate
        assertThat(lines).extracting(CreditLine::employeeId).containsExactly("E1", "E2", "E1", "E2");
        assertThat(lines).extracting(CreditLine::reversal).containsExactly(false, false, true, true);
        assertThat(lines.get(2).amountBase()).isEqualByComparingTo("-1085.00");
        assertThat(lines.get(2).lineDate()).isEqualTo(d("2026-10-03"));
        assertThat(lines.get(2).bookingDate()).isEqualTo(d("2026-09-10"));
        assertThat(lines.get(3).amountBase()).isEqualByComparingTo("-1085.00");
    }

    @Test
    void reversalIsExactlyTheNegatedRoundedLine() {
        // given: 0.05 × 50 % = 0.025 → 0.03
        Booking b = cancelled("B1", "2026-10-10", "0.05", "USD", "2026-10-11", primary("E1", "50"), primary("E2", "50"));

        // when
        List<CreditLine> lines = CreditingTest.creditOf(org1(), b).lines();

        // then
        assertThat(lines.get(2).amountBase()).isEqualByComparingTo("-0.03");
        assertThat(lines.get(3).amountBase()).isEqualByComparingTo("-0.03");
    }

    @Test
    void cancellationAfterAsOfIsTreatedAsBooked() {
        // given: cancelled on 2026-11-27, the day after D
        Booking b = cancelled("B1", "2026-11-10", "300.00", "USD", "2026-11-27", primary("E1", "100"));

        // when
        CreditOutcome.Credited c = CreditingTest.creditOf(org1(), b);

        // then: only the original 300.00, no reversal, no cancelled date
        assertThat(c.lines()).hasSize(1);
        assertThat(c.lines().get(0).amountBase()).isEqualByComparingTo("300.00");
        assertThat(c.lines().get(0).cancelledDate()).isNull();
        assertThat(c.booking().cancelledDate()).isNull();
    }

    @Test
    void bookingBeforeReadStartCancelledInsideGivesOnlyReversals() {
        // given: booked 2025-12-20 (before S = 2026-01-01), cancelled 2026-01-10; EUR in Dec 2025 at 1.0500
        Org o = CreditingTest.westOrg().fx("EUR", "2025-12", "1.0500").build();
        Booking b = cancelled("B1", "2025-12-20", "1000.00", "EUR", "2026-01-10", primary("E1", "100"), overlayCredit("E3", "20"));

        // when
        CreditOutcome.Credited c = CreditingTest.creditOf(o, b);

        // then: €1,000 × 100 % × 1.0500 = 1,050.00 → −1,050.00; overlay €1,000 × 20 % × 1.0500 = 210.00 → −210.00
        assertThat(c.lines()).hasSize(2).allSatisfy(l -> {
            assertThat(l.reversal()).isTrue();
            assertThat(l.lineDate()).isEqualTo(d("2026-01-10"));
        });
        assertThat(c.lines().get(0).amountBase()).isEqualByComparingTo("-1050.00");
        assertThat(c.lines().get(1).amountBase()).isEqualByComparingTo("-210.00");
        assertThat(c.lines().get(1).teamId()).isEqualTo("EAST");
        assertThat(c.booking().originalsInRun()).isFalse();
        assertThat(c.booking().fxRate()).isEqualByComparingTo("1.0500");
    }

    @Test
    void transferAfterBookingKeepsTheReversalInTheTeamThatHadTheCredit() {
        // given: E1 in WEST until 2026-10-15, then EAST; booked 10-10 in WEST, cancelled 10-20
        Org o = org().team("WEST", "West", null).team("EAST", "East", null)
                .employee("E1", "Ann", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", "2026-10-15")
                .rep("E1", "EAST", "2026-10-15", null).build();
        Booking b = cancelled("B1", "2026-10-10", "500.00", "USD", "2026-10-20", primary("E1", "100"));

        // when
        List<CreditLine> lines = CreditingTest.creditOf(o, b).lines();

        // then: +500.00 and −500.00, both in WEST
        assertThat(lines).extracting(CreditLine::teamId).containsExactly("WEST", "WEST");
        assertThat(lines.get(1).amountBase()).isEqualByComparingTo("-500.00");
    }

    @Test
    void teamCheckOfBookingBeforeReadStartIsOnItsBookingDate() {
        // given: E9 joined only in 2026; the booking of 2025-12-20 finds no team
        Org o = CreditingTest.westOrg().employee("E9", "Nine", "2020-01-01").rep("E9", "WEST", "2026-01-01", null).build();
        Booking b = cancelled("B1", "2025-12-20", "100.00", "USD", "2026-01-10", primary("E9", "100"));

        // when
        CreditOutcome outcome = new Crediting(CreditingTest.PLAN, o).credit(b);

        // then
        assertThat(outcome).isInstanceOfSatisfying(CreditOutcome.Rejected.class,
                r -> assertThat(r.reject().reason()).isEqualTo(RejectReason.NO_TEAM_ON_DATE));
    }
}
