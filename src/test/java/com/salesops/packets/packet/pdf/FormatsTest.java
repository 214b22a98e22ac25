package com.salesops.packets.packet.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.attainment.PaceStatus;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void moneyHasThousandsSeparatorsAndTwoDecimalsRoundedHalfUp() {
        // given
        BigDecimal value = new BigDecimal("1234567.885");

        // when
        String printed = Formats.money(value);

        // then
        assertThat(printed).isEqualTo("1,234,567.89");
    }

    @Test
    void negativeMoneyKeepsItsSignButZeroIsNeverNegative() {
        // given / when / then
        assertThat(Formats.money(new BigDecimal("-12000.00"))).isEqualTo("-12,000.00");
        assertThat(Formats.money(new BigDecimal("-0.004"))).isEqualTo("0.00");
    }

    @Test
    void percentagePrintsTheNodeResultValueRoundedHalfUpToTwoDecimalsLikeAttainmentCsv() {
        // given
        BigDecimal attainment = new BigDecimal("84.2996");

        // when
        String printed = Formats.pct(Optional.of(attainment));

        // then
        assertThat(printed).isEqualTo("84.30 %");
        assertThat(Formats.pct(Optional.of(new BigDecimal("-3.125")))).isEqualTo("-3.13 %");
    }

    @Test
    void emptyValuesPrintAsNotApplicable() {
        // given / when / then
        assertThat(Formats.money(Optional.empty())).isEqualTo("n/a");
        assertThat(Formats.pct(Optional.empty())).isEqualTo("n/a");
        assertThat(Formats.rank(OptionalInt.empty())).isEqualTo("n/a");
        assertThat(Formats.pace(Optional.<PaceStatus>empty())).isEqualTo("n/a");
    }

    @Test
    void personKeepsNamesTheEmbeddedFontCanDrawAndAddsTheIdToThoseItCannot() {
        // given / when / then
        assertThat(Formats.person("Łukasz Zoë Müller", "E001")).isEqualTo("Łukasz Zoë Müller");
        assertThat(Formats.person("王伟", "R007")).isEqualTo("王伟");
        // Tibetan: in neither DejaVu Sans nor Droid Sans Fallback
        assertThat(Formats.person("\u0f56\u0f40\u0f62", "R009")).isEqualTo("\u0f56\u0f40\u0f62 (R009)");
        assertThat(Formats.person(null, "R008")).isEqualTo("R008");
    }
}
