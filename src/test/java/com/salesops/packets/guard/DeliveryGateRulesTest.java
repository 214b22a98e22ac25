package com.salesops.packets.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.calendar.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delivery gate's rules: each limit is a strict "more than", 0 turns a rule off, money compared exactly. */
class DeliveryGateRulesTest {

    private static final GuardSettings DEFAULTS = new GuardSettings(1, new BigDecimal("10"), new BigDecimal("20"));
    private static final Period C = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 25));

    @Test
    void aRunThatReadNothingIsHeldUnlessTheRuleIsOff() {
        // given
        GateFigures nothing = new GateFigures(0, 0, Optional.empty());

        // when / then
        assertThat(DeliveryGateRules.reasons(nothing, DEFAULTS)).singleElement().asString().startsWith("no booking read");
        assertThat(DeliveryGateRules.reasons(nothing, new GuardSettings(0, BigDecimal.TEN, BigDecimal.TEN))).isEmpty();
    }

    @Test
    void fewerBookingsThanTheMinimumAreHeldNamingTheKey() {
        assertThat(DeliveryGateRules.reasons(new GateFigures(99, 0, Optional.empty()),
                new GuardSettings(100, BigDecimal.TEN, BigDecimal.TEN)))
                .containsExactly("only 99 booking(s) read, fewer than packets.guard.min-bookings = 100");
        assertThat(DeliveryGateRules.reasons(new GateFigures(100, 0, Optional.empty()),
                new GuardSettings(100, BigDecimal.TEN, BigDecimal.TEN))).isEmpty();
    }

    @Test
    void rejectsAtTheLimitPassAndAboveItAreHeld() {
        // 10 of 100 = 10.00 %: not more than 10 %; 11 of 100 = 11.00 %: held
        assertThat(DeliveryGateRules.reasons(new GateFigures(100, 10, Optional.empty()), DEFAULTS)).isEmpty();
        assertThat(DeliveryGateRules.reasons(new GateFigures(100, 11, Optional.empty()), DEFAULTS)).containsExactly(
                "11 of 100 bookings rejected (11.00 %), more than packets.guard.max-reject-pct = 10 % (see rejects.csv)");
        // 1 of 3 = 33.33 % (rounded for people only); with the rule off nothing is held
        assertThat(new GateFigures(3, 1, Optional.empty()).rejectPct()).contains(new BigDecimal("33.33"));
        assertThat(DeliveryGateRules.reasons(new GateFigures(3, 1, Optional.empty()),
                new GuardSettings(1, BigDecimal.ZERO, BigDecimal.TEN))).isEmpty();
    }

    @Test
    void aDropOfExactlyTheLimitPassesAndOneCentMoreIsHeld() {
        // 36,000.00 -> 28,800.00 is -20.00 % exactly: passes; 28,799.99 is 20.0000277... %: held (shown -20.00 %)
        GateFigures atLimit = new GateFigures(6, 0, Optional.of(new GateFigures.Comparison("nightly-2026-11-25", C,
                new BigDecimal("28800.00"), new BigDecimal("36000.00"))));
        GateFigures oneCentMore = new GateFigures(6, 0, Optional.of(new GateFigures.Comparison("nightly-2026-11-25", C,
                new BigDecimal("28799.99"), new BigDecimal("36000.00"))));

        assertThat(DeliveryGateRules.reasons(atLimit, DEFAULTS)).isEmpty();
        assertThat(DeliveryGateRules.reasons(oneCentMore, DEFAULTS)).containsExactly("credited total of "
                + "2026-01-01..2026-11-25 fell from 36,000.00 in nightly-2026-11-25 to 28,799.99 (-20.00 %), more than "
                + "packets.guard.max-drop-pct = 20 % (bookings missing from the source?)");
        assertThat(oneCentMore.comparison().orElseThrow().dropPct()).contains(new BigDecimal("20.00"));
    }

    @Test
    void aGrowthAZeroPreviousTotalOrTheRuleOffHoldNothing() {
        GateFigures grew = new GateFigures(6, 0, Optional.of(new GateFigures.Comparison("p", C,
                new BigDecimal("40000.00"), new BigDecimal("36000.00"))));
        GateFigures fromZero = new GateFigures(6, 0, Optional.of(new GateFigures.Comparison("p", C,
                new BigDecimal("-500.00"), new BigDecimal("0.00"))));
        GateFigures halved = new GateFigures(6, 0, Optional.of(new GateFigures.Comparison("p", C,
                new BigDecimal("18000.00"), new BigDecimal("36000.00"))));

        assertThat(DeliveryGateRules.reasons(grew, DEFAULTS)).isEmpty();
        // 36,000 -> 40,000: a drop of (36,000 - 40,000) / 36,000 = -11.11 %
        assertThat(grew.comparison().orElseThrow().dropPct()).contains(new BigDecimal("-11.11"));
        assertThat(DeliveryGateRules.reasons(fromZero, DEFAULTS)).isEmpty();
        assertThat(fromZero.comparison().orElseThrow().dropPct()).isEmpty();
        assertThat(DeliveryGateRules.reasons(halved, new GuardSettings(1, BigDecimal.TEN, BigDecimal.ZERO))).isEmpty();
    }
}
