package com.salesops.packets.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The benchmark's sink SMTP server takes real messages over one connection and counts them. */
class SinkSmtpTest {

    @Test
    void acceptsMessagesOverSmtpAndCountsThemWithDotStuffedLines() throws Exception {
        try (SinkSmtp sink = new SinkSmtp()) {
            // given
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(sink.port());
            MimeMessage[] messages = new MimeMessage[3];
            for (int i = 0; i < messages.length; i++) {
                messages[i] = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(messages[i], true);
                helper.setFrom("packets@example.com");
                helper.setTo("manager" + i + "@example.com");
                helper.setSubject("packet " + i);
                helper.setText("line one\n.\n..two dots\nend");
                helper.addAttachment("a.bin", new org.springframework.core.io.ByteArrayResource(new byte[100_000]));
            }

            // when: one send call, one connection
            sender.send(messages);

            // then
            assertThat(sink.messages()).isEqualTo(3);
            assertThat(sink.bytes()).isGreaterThan(3 * 100_000L);
        }
    }
}
