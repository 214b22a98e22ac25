package com.salesops.packets.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Which failed sends are retried (4xx, network trouble) and which are final (5xx, a bad address). */
class SendFailuresTest {

    @Test
    void a421ReplyIsTemporary() {
        assertThat(SendFailures.isPermanent(new MessagingException("421 4.3.2 Service not available"))).isFalse();
    }

    @Test
    void a451ReplyIsTemporary() {
        assertThat(SendFailures.isPermanent(new SendFailedException("451 4.3.0 Mail server temporarily rejected message")))
                .isFalse();
    }

    @Test
    void a421GreetingWhileConnectingIsTemporary() {
        // how Angus reports a server that answers the connection with 421
        assertThat(SendFailures.isPermanent(new MessagingException(
                "Got bad greeting from SMTP host: 127.0.0.1, port: 25, response: 421 4.3.2 closing"))).isFalse();
    }

    @Test
    void a550ReplyIsPermanent() {
        assertThat(SendFailures.isPermanent(new SendFailedException("550 5.1.1 <x@example.com>: mailbox unavailable")))
                .isTrue();
    }

    @Test
    void a550ForTheOnlyRecipientWrappedInInvalidAddressesIsPermanent() {
        // Transport.sendMessage: "Invalid Addresses", the server's reply as the next exception
        MessagingException reply = new SendFailedException("550 5.1.1 <x@example.com>: mailbox unavailable");
        assertThat(SendFailures.isPermanent(new SendFailedException("Invalid Addresses", reply))).isTrue();
    }

    @Test
    void a4xxForTheOnlyRecipientWrappedInInvalidAddressesIsTemporary() {
        MessagingException reply = new SendFailedException("450 4.2.1 mailbox busy, try later");
        assertThat(SendFailures.isPermanent(new SendFailedException("Invalid Addresses", reply))).isFalse();
    }

    @Test
    void connectionRefusedIsTemporary() {
        assertThat(SendFailures.isPermanent(new MessagingException("Couldn't connect to host, port: localhost, 25",
                new ConnectException("Connection refused")))).isFalse();
    }

    @Test
    void connectionResetAndTimeoutsAreTemporary() {
        assertThat(SendFailures.isPermanent(new MessagingException("Exception reading response",
                new SocketException("Connection reset")))).isFalse();
        assertThat(SendFailures.isPermanent(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out")))).isFalse();
    }

    @Test
    void anAddressThatDoesNotParseIsPermanent() {
        AddressException bad = catchAddressException("not-an-address");
        assertThat(SendFailures.isPermanent(bad)).isTrue();
        assertThat(SendFailures.isPermanent(new MessagingException("building the message", bad))).isTrue();
    }

    @Test
    void somethingUnrecognisedIsRetriedRatherThanLost() {
        assertThat(SendFailures.isPermanent(new MessagingException("[EOF]"))).isFalse();
        assertThat(SendFailures.isPermanent(new IOException("disk hiccup"))).isFalse();
    }

    @Test
    void springsMailSendExceptionIsPermanentOnlyWhenEveryFailureIs() {
        Map<Object, Exception> permanent = new LinkedHashMap<>();
        permanent.put("m1", new SendFailedException("550 5.7.1 relaying denied"));
        assertThat(SendFailures.isPermanent(new MailSendException(permanent))).isTrue();
        Map<Object, Exception> mixed = new LinkedHashMap<>(permanent);
        mixed.put("m2", new MessagingException("421 4.7.0 try again later"));
        assertThat(SendFailures.isPermanent(new MailSendException(mixed))).isFalse();
    }

    @Test
    void describeChainsTheCauses() {
        assertThat(SendFailures.describe(new MessagingException("Couldn't connect", new ConnectException("refused"))))
                .isEqualTo("MessagingException: Couldn't connect <- ConnectException: refused");
    }

    private static AddressException catchAddressException(String address) {
        try {
            new InternetAddress(address, true);
        } catch (AddressException e) {
            return e;
        }
        throw new AssertionError(address + " parsed");
    }
}
