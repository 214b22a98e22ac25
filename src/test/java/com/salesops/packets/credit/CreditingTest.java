package com.salesops.packets.credit;

import static com.salesops.packets.testing.OrgBuilder.booked;
import static com.salesops.packets.testing.OrgBuilder.credit;
import static com.salesops.packets.testing.OrgBuilder.d;
import static com.salesops.packets.testing.OrgBuilder.m;
import static com.salesops.packets.testing.OrgBuilder.org;
import static com.salesops.packets.testing.OrgBuilder.overlayCredit;
import static com.salesops.packets.testing.OrgBuilder.primary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.RunPlan;
import com.salesops.packets.source.Booking;
import com.salesops.packets.source.Org;
import com.salesops.packets.testing.OrgBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditingTest {

    // D = 2026-11-26, calendar fiscal year: S = 2026-01-01.
    static final RunPlan PLAN = RunPlan.nightly(FiscalCalendar.calendarYear(), d("2026-11-26"));

    static OrgBuilder westOrg() {
        return org()
                .team("ROOT", "Company", null)
                .team("WEST", "West", "ROOT")
                .team("EAST", "East", "ROOT")
                .employee("E1", "Ann One", "2020-01-01")
                .employee("E2", "Bob Two", "2020-01-01")
                .employee("E3", "Cy Three", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", null)
                .rep("E2", "WEST", "2020-01-01", null)
                .overlay("E3", "EAST", "2020-01-01", null)
                .fx("EUR", "2026-09", "1.0850")
                .fx("EUR", "2026-10", "1.1000");
    }

    static CreditOutcome.Credited creditOf(Org org, Booking b) {
        CreditOutcome outcome = new Crediting(PLAN, org).credit(b);
        assertThat(outcome).isInstanceOf(CreditOutcome.Credited.class);
        return (CreditOutcome.Credited) outcome;
    }

    @Test
    void splitBookingInForeignCurrencyGivesOneConvertedLinePerCredit() {
        // given
        Booking b = booked("B1", "2026-10-05", "10000.00", "EUR", primary("E1", "60"), primary("E2", "40"));

        // when
        List<CreditLine> lines = creditOf(westOrg().build(), b).lines();

        // then
        assertThat(lines).hasSize(2);
        // €10,000 × 60 % × 1.1000 = 6,600.00
        assertThat(lines.get(0).employeeId()).isEqualTo("E1");
        assertThat(lines.get(0).amountBase()).isEqualByComparingTo("6600.00");
        // €10,000 × 40 % × 1.1000 = 4,400.00
        assertThat(lines.get(1).employeeId()).isEqualTo("E2");
        assertThat(lines.get(1).amountBase()).isEqualByComparingTo("4400.00");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.teamId()).isEqualTo("WEST");
            assertThat(l.lineDate()).isEqualTo(d("2026-10-05"));
            assertThat(l.reversal()).isFalse();
            assertThat(l.role()).isEqualTo(CreditRole.PRIMARY);
            assertThat(l.cancelledDate()).isNull();
        });
    }

    @Test
    void monthWithoutRateUsesLatestEarlierMonthsRate() {
        // given: EUR has rates for 2026-09 and 2026-10 only; November falls back to October
        Booking b = booked("B1", "2026-11-03", "1000.00", "EUR", primary("E1", "100"));

        // when
        CreditOutcome.Credited c = creditOf(westOrg().build(), b);

        // then: €1,000 × 100 % × 1.1000 (October's rate) = 1,100.00
        assertThat(c.lines().get(0).amountBase()).isEqualByComparingTo("1100.00");
        assertThat(c.booking().fxRate()).isEqualByComparingTo("1.1000");
    }

    @Test
    void rateOfTheBookingMonthIsUsedWhenPublished() {
        // given
        Booking b = booked("B1", "2026-09-30", "1000.00", "EUR", primary("E1", "100"));

        // when
        CreditOutcome.Credited c = creditOf(westOrg().build(), b);

        // then: €1,000 × 1.0850 (September) = 1,085.00
        assertThat(c.lines().get(0).amountBase()).isEqualByComparingTo("1085.00");
    }

    @Test
    void baseCurrencyNeedsNoRateAndMatchesIgnoringCaseAndSpaces() {
        // given
        Booking b = booked("B1", "2026-03-01", "1234.56", " usd ", primary("E1", "100"));

        // when
        CreditOutcome.Credited c = creditOf(westOrg().build(), b);

        // then: $1,234.56 × 1 = 1,234.56
        assertThat(c.lines().get(0).amountBase()).isEqualByComparingTo("1234.56");
        assertThat(c.booking().fxRate()).isEqualByComparingTo("1");
    }

    @Test
    void eachLineIsRoundedHalfUpOnceFromTheExactProduct() {
        // given: three reps on one third each
        Booking b = booked("B1", "2026-10-05", "100.00", "EUR",
                primary("E1", "33.33"), primary("E2", "33.33"), primary("E3", "33.34"));
        Org o = westOrg().build();

        // when
        List<CreditLine> lines = creditOf(o, b).lines();

        // then
        // €100 × 33.33 % × 1.1000 = 36.663 → 36.66 (per line)
        assertThat(lines.get(0).amountBase()).isEqualByComparingTo("36.66");
        assertThat(lines.get(1).amountBase()).isEqualByComparingTo("36.66");
        // €100 × 33.34 % × 1.1000 = 36.674 → 36.67
        assertThat(lines.get(2).amountBase()).isEqualByComparingTo("36.67");
        assertThat(lines.get(2).role()).isEqualTo(CreditRole.PRIMARY);
    }

    @Test
    void halfCentRoundsUpPerLineNotAfterSumming() {
        // given: $0.05 split 50/50 → each line is exactly 0.025
        Booking b = booked("B1", "2026-10-05", "0.05", "USD", primary("E1", "50"), primary("E2", "50"));

        // when
        List<CreditLine> lines = creditOf(westOrg().build(), b).lines();

        // then: 0.05 × 50 % = 0.025 → HALF_UP 0.03 on each line (sum 0.06, not 0.05)
        assertThat(lines).extracting(CreditLine::amountBase)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(m("0.03"), m("0.03"));
        assertThat(lines).allSatisfy(l -> assertThat(l.amountBase().scale()).isEqualTo(2));
    }

    @Test
    void multiplyFirstThenRoundOnce() {
        // given: €0.15 split 50/50 at 1.1000
        Booking b = booked("B1", "2026-10-05", "0.15", "EUR", primary("E1", "50"), primary("E2", "50"));

        // when
        List<CreditLine> lines = creditOf(westOrg().build(), b).lines();

        // then: €0.15 × 50 % × 1.1000 = 0.0825 → 0.08
        // (rounding the split first, 0.075 → 0.08, then × 1.1000 = 0.088 → 0.09, would be wrong)
        assertThat(lines.get(0).amountBase()).isEqualByComparingTo("0.08");
        assertThat(lines.get(1).amountBase()).isEqualByComparingTo("0.08");
    }

    @Test
    void overlayCreditGetsItsOwnLineInItsOwnTeam() {
        // given
        Booking b = booked("B1", "2026-10-05", "5000.00", "USD", primary("E1", "100"), overlayCredit("E3", "100"));

        // when
        CreditOutcome.Credited c = creditOf(westOrg().build(), b);

        // then: 5,000 × 100 % each; the overlay sits in EAST with role OVERLAY
        assertThat(c.lines()).hasSize(2);
        assertThat(c.lines().get(1).employeeId()).isEqualTo("E3");
        assertThat(c.lines().get(1).role()).isEqualTo(CreditRole.OVERLAY);
        assertThat(c.lines().get(1).teamId()).isEqualTo("EAST");
        assertThat(c.lines().get(1).amountBase()).isEqualByComparingTo("5000.00");
        // the facts: PRIMARY split sum 100, one PRIMARY line
        assertThat(c.booking().primarySplitSum()).isEqualByComparingTo("100");
        assertThat(c.booking().primaryLineCount()).isEqualTo(1);
        assertThat(c.booking().originalsInRun()).isTrue();
        assertThat(c.booking().cancelledDate()).isNull();
    }

    @Test
    void creditRoleAndStatusMatchIgnoringCaseAndSurroundingSpaces() {
        // given
        Booking b = OrgBuilder.withStatus(
                booked("B1", "2026-10-05", "100.00", "USD", credit("E1", " primary ", "100"), credit("E3", "Overlay", "50")),
                "  booked", null);

        // when
        CreditOutcome.Credited c = creditOf(westOrg().build(), b);

        // then: 100 × 100 % = 100.00 PRIMARY; 100 × 50 % = 50.00 OVERLAY
        assertThat(c.lines()).extracting(CreditLine::role).containsExactly(CreditRole.PRIMARY, CreditRole.OVERLAY);
        assertThat(c.lines().get(1).amountBase()).isEqualByComparingTo("50.00");
    }

    @Test
    void linesFollowEmployeeIdOrderByCodePointWhateverTheSourceOrder() {
        // given: source order E2, E1; ids compared by code point
        Booking b = booked("B1", "2026-10-05", "100.00", "USD", primary("E2", "30"), primary("E1", "70"));

        // when
        List<CreditLine> lines = creditOf(westOrg().build(), b).lines();

        // then
        assertThat(lines).extracting(CreditLine::employeeId).containsExactly("E1", "E2");
        // 100 × 70 % = 70.00; 100 × 30 % = 30.00
        assertThat(lines.get(0).amountBase()).isEqualByComparingTo("70.00");
        assertThat(lines.get(1).amountBase()).isEqualByComparingTo("30.00");
    }

    @Test
    void lineTeamIsTheMembershipCoveringTheBookingDate() {
        // given: E1 moves from WEST to EAST on 2026-10-15 (valid_to exclusive)
        Org o = org().team("WEST", "West", null).team("EAST", "East", null)
                .employee("E1", "Ann", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", "2026-10-15")
                .rep("E1", "EAST", "2026-10-15", null).build();

        // when
        CreditLine before = creditOf(o, booked("B1", "2026-10-14", "10.00", "USD", primary("E1", "100"))).lines().get(0);
        CreditLine onTheDay = creditOf(o, booked("B2", "2026-10-15", "10.00", "USD", primary("E1", "100"))).lines().get(0);

        // then
        assertThat(before.teamId()).isEqualTo("WEST");
        assertThat(onTheDay.teamId()).isEqualTo("EAST");
    }

    @Test
    void bookingTheRunDoesNotReadIsRefused() {
        // given: dated after D, never cancelled
        Booking b = booked("B1", "2026-11-27", "10.00", "USD", primary("E1", "100"));

        // when / then
        assertThatThrownBy(() -> new Crediting(PLAN, westOrg().build()).credit(b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B1");
    }
}
