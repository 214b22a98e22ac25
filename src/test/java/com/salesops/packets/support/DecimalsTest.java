package com.salesops.packets.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void roundsHalfUpToCentsAndNeverPrintsMinusZero() {
        // given / when / then: 2.345 is a tie, HALF_UP takes it away from zero; -0.004 rounds to zero
        assertEquals("2.35", Decimals.plain2(new BigDecimal("2.345")));
        assertEquals("-2.35", Decimals.plain2(new BigDecimal("-2.345")));
        assertEquals("0.00", Decimals.plain2(new BigDecimal("-0.004")));
        assertEquals("7.00", Decimals.plain2(new BigDecimal("7")));
    }

    @Test
    void groupsThousandsForPeople() {
        // given / when / then
        assertEquals("84,210.00", Decimals.grouped2(new BigDecimal("84210")));
        assertEquals("-5,000.00", Decimals.grouped2(new BigDecimal("-5000")));
        assertEquals("1,234,567.89", Decimals.grouped2(new BigDecimal("1234567.885")));
        assertEquals("999.99", Decimals.grouped2(new BigDecimal("999.99")));
        assertEquals("0.00", Decimals.grouped2(new BigDecimal("-0.001")));
    }
}
