package com.salesops.packets.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The attachments' base64: the text Jakarta Mail's own encoder makes, whatever the file's size and the reader's buffer. */
class Base64AttachmentTest {

    private static final int BLOCK = Base64Attachment.BLOCK;

    @Test
    void encodesEveryFileSizeAsJakartaMailsEncoderDoes() throws Exception {
        Random random = new Random(20261208);
        for (int size : new int[] {0, 1, 2, 3, 56, 57, 58, 114, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 3 * BLOCK + 5,
                1_000_003}) {
            // given
            byte[] file = new byte[size];
            random.nextBytes(file);

            // when: read through buffers of odd sizes, single bytes among them
            byte[] ours = readOddly(new Base64Attachment.EncodingStream(new ByteArrayInputStream(file)), random);

            // then: Jakarta Mail's text (its encoder ends the last line with a CRLF, which the multipart
            // writes after every part anyway), 76 characters a line, and it decodes to the file
            assertThat(new String(ours, StandardCharsets.US_ASCII)).as("%d bytes", size)
                    .isEqualTo(stripFinalCrlf(jakartaMail(file)));
            for (String line : new String(ours, StandardCharsets.US_ASCII).split("\r\n", -1)) {
                assertThat(line.length()).as("%d bytes", size).isLessThanOrEqualTo(76);
                assertThat(line).doesNotContain("\r", "\n");
            }
            assertThat(java.util.Base64.getMimeDecoder().decode(ours)).as("%d bytes", size).isEqualTo(file);
        }
    }

    private static String jakartaMail(byte[] file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encoder = MimeUtility.encode(out, "base64")) {
            encoder.write(file);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String stripFinalCrlf(String s) {
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s;
    }

    private static byte[] readOddly(Base64Attachment.EncodingStream in, Random random) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[200_003];
        try (in) {
            while (true) {
                if (random.nextInt(5) == 0) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    out.write(b);
                } else {
                    int n = in.read(buffer, 3, 1 + random.nextInt(buffer.length - 3));
                    if (n < 0) {
                        break;
                    }
                    out.write(Arrays.copyOfRange(buffer, 3, 3 + n));
                }
            }
        }
        return out.toByteArray();
    }
}
