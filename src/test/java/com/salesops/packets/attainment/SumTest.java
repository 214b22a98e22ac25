package com.salesops.packets.attainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Sum} gives exactly what adding the BigDecimals one by one from 0.00 gives: value and scale. */
class SumTest {

    @Test
    void sumsAmountsOfTwoDecimalsToTheCentWithTheirScale() {
        // given
        Sum sum = new Sum();

        // when: 0.10 + 0.20 - 0.05 + 1,000,000.01
        for (String amount : new String[] {"0.10", "0.20", "-0.05", "1000000.01"}) {
            add(sum, new BigDecimal(amount));
        }

        // then: worked by hand
        assertThat(sum.value()).isEqualTo(new BigDecimal("1000000.26"));
        assertThat(new Sum().value()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void carriesOnExactlyPastTheRangeOfALongAndBackBelowIt() {
        // given: two amounts whose sum in cents is beyond Long.MAX_VALUE (9,223,372,036,854,775,807 cents)
        Sum sum = new Sum();
        BigDecimal big = new BigDecimal("90000000000000000.00");

        // when
        add(sum, big);
        add(sum, big);
        BigDecimal beyond = sum.value();
        add(sum, big.negate());
        add(sum, new BigDecimal("-0.01"));

        // then
        assertThat(beyond).isEqualTo(new BigDecimal("180000000000000000.00"));
        assertThat(sum.value()).isEqualTo(new BigDecimal("89999999999999999.99"));
    }

    @Test
    void takesAmountsOfAnotherScaleOrBeyondALongAsBigDecimals() {
        // given
        Sum sum = new Sum();

        // when: cents, then an amount of 3 decimals, then one of 2 decimals beyond a long, then cents again
        add(sum, new BigDecimal("1.25"));
        add(sum, new BigDecimal("0.125"));
        add(sum, new BigDecimal("100000000000000000000.00"));
        add(sum, new BigDecimal("-0.01"));

        // then: the scale of the sum of BigDecimals (3), and its exact value
        assertThat(sum.value()).isEqualTo(new BigDecimal("100000000000000000001.365"));
        assertThat(Sum.cents(new BigDecimal("0.125"))).isEqualTo(Sum.NOT_CENTS);
        assertThat(Sum.cents(new BigDecimal("-12.34"))).isEqualTo(-1234L);
    }

    @Test
    void equalsTheSumOfBigDecimalsForManyRandomAmounts() {
        // given: 100,000 random amounts of up to 16 digits, both signs, summed the plain way alongside
        Random random = new Random(20261208);
        Sum sum = new Sum();
        BigDecimal expected = new BigDecimal("0.00");

        // when
        for (int i = 0; i < 100_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 10_000_000_000_000_000L, 2);
            add(sum, amount);
            expected = expected.add(amount);
        }

        // then: the same value and scale (isEqualTo on BigDecimal compares both)
        assertThat(sum.value()).isEqualTo(expected);
    }

    private static void add(Sum sum, BigDecimal amount) {
        sum.add(amount, Sum.cents(amount));
    }
}
