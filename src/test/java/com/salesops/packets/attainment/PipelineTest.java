package com.salesops.packets.attainment;

import static com.salesops.packets.attainment.Fixture.NOV_CLOSE;
import static com.salesops.packets.attainment.Fixture.rep;
import static com.salesops.packets.attainment.Fixture.team;
import static com.salesops.packets.testing.OrgBuilder.booked;
import static com.salesops.packets.testing.OrgBuilder.cancelled;
import static com.salesops.packets.testing.OrgBuilder.d;
import static com.salesops.packets.testing.OrgBuilder.org;
import static com.salesops.packets.testing.OrgBuilder.overlayCredit;
import static com.salesops.packets.testing.OrgBuilder.primary;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Period;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.credit.CreditOutcome;
import com.salesops.packets.credit.Crediting;
import com.salesops.packets.source.Booking;
import com.salesops.packets.source.Org;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bookings through crediting into the calculator, as the job chains them (monthly run of November 2026). */
class PipelineTest {

    @Test
    void bookingsFlowFromCreditingIntoAttainmentAndFlags() {
        // given: E1 REP in WEST; E2 REP in WEST until Nov 16, then EAST; E3 OVERLAY in EAST; €1 = $1.1000 from October
        Org o = org().team("ROOT", "Company", null).team("WEST", "West", "ROOT").team("EAST", "East", "ROOT")
                .employee("E1", "Ann", "2020-01-01").employee("E2", "Bob", "2020-01-01").employee("E3", "Cy", "2020-01-01")
                .rep("E1", "WEST", "2020-01-01", null)
                .rep("E2", "WEST", "2020-01-01", "2026-11-16").rep("E2", "EAST", "2026-11-16", null)
                .overlay("E3", "EAST", "2020-01-01", null)
                .repQuota("E1", "2026-11", "10000", "USD").repQuota("E2", "2026-11", "6000", "USD")
                .fx("EUR", "2026-10", "1.1000").build();
        List<Booking> bookings = List.of(
                // €10,000 split 60/40 on Nov 5: E1 6,600.00, E2 4,400.00 (WEST); overlay E3 100 % = 11,000.00
                booked("B1", "2026-11-05", "10000.00", "EUR", primary("E1", "60"), primary("E2", "40"), overlayCredit("E3", "100")),
                // Oct 20 $2,000 for E2 (WEST), cancelled Nov 20 → −2,000.00 in November, still WEST
                cancelled("B2", "2026-10-20", "2000.00", "USD", "2026-11-20", primary("E2", "100")),
                // Nov 29 $5,000 for E2, now in EAST
                booked("B3", "2026-11-29", "5000.00", "USD", primary("E2", "100")));
        Crediting crediting = new Crediting(NOV_CLOSE, o);
        AttainmentCalculator calc = new AttainmentCalculator(NOV_CLOSE, o, AttainmentSettings.defaults());

        // when
        for (Booking b : bookings) {
            calc.accept(((CreditOutcome.Credited) crediting.credit(b)).lines());
        }
        AttainmentResults r = calc.finish();

        // then: E2 in November 4,400 − 2,000 + 5,000 = 7,400.00 of round2(6,000) = 6,000.00 → 123.33…%
        NodeResult e2 = rep(r, Window.MONTH, "E2");
        assertThat(e2.credited()).isEqualByComparingTo("7400.00");
        assertThat(Fixture.round(e2.attainmentPct().orElseThrow(), 2)).isEqualByComparingTo("123.33");
        assertThat(e2.teamId()).contains("EAST");
        assertThat(e2.dealCount()).isEqualTo(2);
        // WEST November: 6,600 + 4,400 − 2,000 = 9,000.00; EAST 5,000.00 (the overlay is not team credit)
        assertThat(team(r, Window.MONTH, "WEST").credited()).isEqualByComparingTo("9000.00");
        assertThat(team(r, Window.MONTH, "EAST").credited()).isEqualByComparingTo("5000.00");
        assertThat(team(r, Window.MONTH, "ROOT").credited()).isEqualByComparingTo("14000.00");
        assertThat(team(r, Window.MONTH, "ROOT").dealCount()).isEqualTo(2);
        // WEST quota: E1 10,000 + E2 round2(6,000 × 15 / 30) = 3,000.00 → 13,000.00; EAST 3,000.00
        assertThat(team(r, Window.MONTH, "WEST").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("13000.00"));
        assertThat(team(r, Window.MONTH, "EAST").quota()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("3000.00"));
        // flags: E2 cancelled B2 within 30 days of October's end (2,000.00);
        //        E2's November: 4,400 + 5,000 = 9,400 < 10,000 → no pull-in; E3: 11,000 on Nov 5 → not in the last days
        assertThat(r.flags()).containsExactly(new Flag(FlagType.CANCELLED_AFTER_CREDIT, "E2", "EAST",
                new Period(d("2026-10-01"), d("2026-10-31")), List.of("B2"), new BigDecimal("2000.00")));
    }
}
