package com.salesops.packets.packet.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void controlCharactersXmlCannotHoldAreDroppedButTabAndLineBreaksStay() {
        // given
        String dirty = "a\u0000b\u0001c\td\ne\rf\u001Fg\uFFFEh\uD800i";

        // when
        String clean = Cells.clean(dirty);

        // then
        assertThat(clean).isEqualTo("abc\td\ne\rfghi");
    }

    @Test
    void supplementaryCharactersAreKeptWhole() {
        // given an emoji and a CJK extension-B character (surrogate pairs)
        String text = "deal 🎉 𠀋";

        // when
        String clean = Cells.clean(text);

        // then
        assertThat(clean).isSameAs(text);
    }

    @Test
    void textLongerThanACellHoldsIsCutAtTheLimitWithoutSplittingASurrogatePair() {
        // given
        String longText = "x".repeat(Cells.MAX_TEXT + 100);
        String pairAtLimit = "x".repeat(Cells.MAX_TEXT - 1) + "🎉" + "tail";

        // when
        String cut = Cells.clean(longText);
        String cutBeforePair = Cells.clean(pairAtLimit);

        // then
        assertThat(cut).hasSize(Cells.MAX_TEXT);
        assertThat(cutBeforePair).isEqualTo("x".repeat(Cells.MAX_TEXT - 1));
    }
}
