package com.salesops.packets.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {

    /** ASCII, Latin-1, Polish, CJK, an emoji (a surrogate pair), markup. */
    private static final String[] PIECES = {"<c r=\"A1\">", "Zoë", "West Łódź", "東京", "\uD83D\uDE00", "&amp;", "x",
        "</t></is></c>", "\u00a0", "\u20ac"};

    @Test
    void encodesLikeTheJdkWhateverTheMixOfCharactersAndWriteSizes() throws Exception {
        // given: a long text of mixed scripts, written in pieces of every size, across buffer boundaries
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < 300_000) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String expected = text.toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // when
        try (Utf8Buffer out = new Utf8Buffer(bytes)) {
            int at = 0;
            int kind = 0;
            while (at < expected.length()) {
                int len = Math.min(expected.length() - at, 1 + random.nextInt(kind % 4 == 3 ? 100_000 : 40));
                switch (kind++ % 4) {
                    case 0 -> out.write(expected, at, len);
                    case 1 -> out.write(expected.substring(at, at + len).toCharArray(), 0, len);
                    case 2 -> out.append(new StringBuilder(expected.substring(at, at + len)));
                    default -> {
                        for (int i = at; i < at + len; i++) {
                            out.write(expected.charAt(i));
                        }
                    }
                }
                at += len;
            }
        }

        // then: a surrogate pair split between two writes is still one 4-byte character
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    @Test
    void writesAnUnpairedSurrogateAsAQuestionMarkAsTheJdkEncoderDoes() throws Exception {
        // given
        String unpaired = "a\uD83Db\uDE00c\uD83D";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // when
        try (Utf8Buffer out = new Utf8Buffer(bytes)) {
            out.write(unpaired);
        }

        // then
        assertArrayEquals(unpaired.getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }
}
