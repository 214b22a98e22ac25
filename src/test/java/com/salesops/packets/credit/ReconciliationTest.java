package com.salesops.packets.credit;

import static com.salesops.packets.testing.OrgBuilder.booked;
import static com.salesops.packets.testing.OrgBuilder.d;
import static com.salesops.packets.testing.OrgBuilder.m;
import static com.salesops.packets.testing.OrgBuilder.primary;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    static CreditedBooking booking(String amount, String rate, String splitSum, int primaryLines, boolean originals) {
        return new CreditedBooking("B1", d("2026-10-05"), "Acme", "NEW", "DIRECT", null, m(amount), "EUR",
                m(rate), m(splitSum), primaryLines, null, originals);
    }

    static CreditLine line(String amount, CreditRole role, boolean reversal) {
        return new CreditLine("B1", "E1", "WEST", role, new BigDecimal("50"), d("2026-10-05"), m(amount), reversal,
                d("2026-10-05"), null);
    }

    @Test
    void linesOfCreditingAlwaysReconcileEvenWithPerLineRounding() {
        // given: three thirds, each rounded up a fraction of a cent
        CreditOutcome.Credited c = CreditingTest.creditOf(CreditingTest.westOrg().build(), booked("B1", "2026-10-05",
                "100.00", "EUR", primary("E1", "33.33"), primary("E2", "33.33"), primary("E3", "33.34")));

        // then: 36.66 + 36.66 + 36.67 = 109.99 vs round2(100 × 1.1 × 100 / 100) = 110.00; |−0.01| ≤ 0.03
        assertThat(Reconciliation.check(c.booking(), c.lines())).isEmpty();
    }

    @Test
    void differenceAboveOneCentPerPrimaryLineIsReported() {
        // given: expected round2(1,000 × 1.1 × 100 / 100) = 1,100.00; lines 550.00 + 549.97 = 1,099.97; off 0.03 > 2 × 0.01
        CreditedBooking b = booking("1000.00", "1.1", "100", 2, true);
        List<CreditLine> lines = List.of(line("550.00", CreditRole.PRIMARY, false), line("549.97", CreditRole.PRIMARY, false));

        // when / then
        assertThat(Reconciliation.check(b, lines)).hasValueSatisfying(msg ->
                assertThat(msg).contains("B1").contains("1099.97").contains("1100.00"));
    }

    @Test
    void differenceOfExactlyTheToleranceIsFine() {
        // given: 1,100.00 vs 550.00 + 549.98 = 1,099.98; off 0.02 = 2 × 0.01
        CreditedBooking b = booking("1000.00", "1.1", "100", 2, true);
        List<CreditLine> lines = List.of(line("550.00", CreditRole.PRIMARY, false), line("549.98", CreditRole.PRIMARY, false));

        assertThat(Reconciliation.check(b, lines)).isEmpty();
    }

    @Test
    void overlayAndReversalLinesAreLeftOut() {
        // given: PRIMARY 1,100.00 matches; an overlay of 500.00 and a reversal of −1,100.00 do not count
        CreditedBooking b = booking("1000.00", "1.1", "100", 1, true);
        List<CreditLine> lines = List.of(line("1100.00", CreditRole.PRIMARY, false),
                line("500.00", CreditRole.OVERLAY, false), line("-1100.00", CreditRole.PRIMARY, true));

        assertThat(Reconciliation.check(b, lines)).isEmpty();
    }

    @Test
    void bookingWithOnlyReversalsInRunIsNotChecked() {
        CreditedBooking b = booking("1000.00", "1.1", "100", 1, false);

        assertThat(Reconciliation.check(b, List.of(line("-1100.00", CreditRole.PRIMARY, true)))).isEmpty();
    }
}
