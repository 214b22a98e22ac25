package com.salesops.packets.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordMatcherTest {

    @Test
    void findsEveryNeedleInOnePassIncludingOverlappingOnes() {
        // given
        WordMatcher matcher = WordMatcher.of(List.of("Ana Lima", "Lima Foods", "BK-0000012", "he", "she", "hers"));

        // when
        List<WordMatcher.Hit> hits = matcher.find("<t>Ana Lima Foods</t> BK-0000012; she hers");

        // then
        assertThat(hits).containsExactly(new WordMatcher.Hit("Ana Lima", 3), new WordMatcher.Hit("Lima Foods", 7),
                new WordMatcher.Hit("BK-0000012", 22), new WordMatcher.Hit("she", 34), new WordMatcher.Hit("hers", 38));
        assertThat(matcher.size()).isEqualTo(6);
    }

    @Test
    void countsOnlyWholeWordsSoAShorterIdOrNameInsideALongerOneIsNoHit() {
        // given
        WordMatcher matcher = WordMatcher.of(List.of("BK-ODD-1", "Li Na", "Ünal"));

        // when
        List<WordMatcher.Hit> hits = matcher.find("BK-ODD-12 Li Nakamura Günal | BK-ODD-1, Li Na. Ünal");

        // then
        assertThat(hits).extracting(WordMatcher.Hit::needle).containsExactly("BK-ODD-1", "Li Na", "Ünal");
    }
}
