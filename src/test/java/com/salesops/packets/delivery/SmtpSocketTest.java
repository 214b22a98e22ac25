package com.salesops.packets.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.SinkSmtp;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP connections are made without Nagle's delay, unless a socket factory is configured. */
class SmtpSocketTest {

    @Test
    void plainSmtpGetsNoDelaySocketsAndMessagesStillGoThrough() throws Exception {
        try (SinkSmtp sink = new SinkSmtp()) {
            // given
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(sink.port());
            SmtpChannel.applyTimeoutDefaults(sender);

            // when
            Object factory = sender.getJavaMailProperties().get("mail.smtp.socketFactory");
            Session session = sender.getSession();
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("packets@example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("m@example.com"));
            message.setText("hello");
            try (SmtpChannel channel = new SmtpChannel(sender)) {
                channel.send(message, "m");
            }

            // then
            assertThat(factory).isInstanceOf(SocketFactory.class);
            try (Socket socket = ((SocketFactory) factory).createSocket()) {
                assertThat(socket.getTcpNoDelay()).isTrue();
            }
            assertThat(sink.messages()).isEqualTo(1);
        }
    }

    @Test
    void aConfiguredSocketFactoryIsKept() {
        // given
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.getJavaMailProperties().put("mail.smtp.socketFactory.class", "com.example.Custom");

        // when
        SmtpChannel.applyTimeoutDefaults(sender);

        // then
        assertThat(sender.getJavaMailProperties()).doesNotContainKey("mail.smtp.socketFactory");
    }
}
