package com.salesops.packets.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The packet email itself: attachments under the size limit, headers safe from data, addresses. */
class PacketMailerTest {

    private static final long ENVELOPE = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void whenBothFilesDoNotFitOnlyThePdfIsAttachedAndTheBodySaysWhereTheWorkbookIs() throws Exception {
        // given: a 100 kB PDF and a 300 kB workbook; the limit holds the PDF only
        PacketEmail email = email("West", 100_000, 300_000);
        long limit = ENVELOPE + (long) (150_000 * 1.37);

        // when
        MimeMessage m = new PacketMailer(settings(limit, "", ""), Optional.empty()).build(email, "<id@x>", "RUN");

        // then
        assertThat(DeliveryJobTest.attachments(m)).containsExactly("application/pdf team-w-nightly-2026-11-26.pdf");
        assertThat(GreenMailUtil.getBody(m)).contains(
                "Left out: team-w-nightly-2026-11-26.xlsx (" + email.xlsx() + ")")
                .doesNotContain("Left out: team-w-nightly-2026-11-26.pdf");
        assertThat(size(m)).isLessThan(limit);
    }

    @Test
    void bothFilesTravelAsBase64AttachmentsThatReadBackByteForByteAsTheFiles() throws Exception {
        // given: a PDF and a workbook of random bytes, both under the limit
        PacketEmail email = email("West", 300_001, 1_234_567);
        MimeMessage built = new PacketMailer(settings(10_485_760, "", ""), Optional.empty()).build(email, "<id@x>", "RUN");

        // when: the message as it goes over the wire, read back by a mail client's parser
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        built.writeTo(wire);
        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(wire.toByteArray()));

        // then: each attachment under its name and type, in base64, with exactly the file's bytes
        assertThat(DeliveryJobTest.attachments(read)).containsExactly(
                "application/pdf team-w-nightly-2026-11-26.pdf",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet team-w-nightly-2026-11-26.xlsx");
        Multipart parts = (Multipart) read.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() == null) {
                continue;
            }
            Path file = part.getFileName().endsWith(".pdf") ? email.pdf() : email.xlsx();
            assertThat(part.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
            assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
            try (java.io.InputStream in = part.getInputStream()) {
                assertThat(in.readAllBytes()).as(part.getFileName()).isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void whenThePdfDoesNotFitNothingIsAttachedAndTheBodyNamesBothFiles() throws Exception {
        PacketEmail email = email("West", 100_000, 300_000);

        MimeMessage m = new PacketMailer(settings(ENVELOPE + 50_000, "", ""), Optional.empty())
                .build(email, "<id@x>", "RUN");

        assertThat(DeliveryJobTest.attachments(m)).isEmpty();
        assertThat(GreenMailUtil.getBody(m)).contains("Left out: team-w-nightly-2026-11-26.pdf (" + email.pdf() + ")",
                "Left out: team-w-nightly-2026-11-26.xlsx (" + email.xlsx() + ")");
    }

    @Test
    void controlCharactersInDataNeverMakeANewHeader() throws Exception {
        PacketEmail email = email("West\r\nBcc: x@evil.example\r\nX-Evil: 1", 1_000, 1_000);

        MimeMessage m = new PacketMailer(settings(10_485_760, "", ""), Optional.empty()).build(email, "<id@x>", "RUN");

        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("X-Evil")).isNull();
        assertThat(m.getSubject())
                .isEqualTo("Performance packet · West Bcc: x@evil.example X-Evil: 1 · Nov 2026 MTD n/a (no team quota)");
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("manager@example.com");
    }

    @Test
    void replyToIsSalesOpsUnlessSetAndTheMessageIdIsTheLedgersAndThePurposeIsInAHeader() throws Exception {
        PacketEmail email = email("West", 1_000, 1_000);

        MimeMessage fallback = new PacketMailer(settings(10_485_760, "", "ops@example.com"), Optional.empty())
                .build(email, "<nightly.abc@attainment-packets>", "RESEND-2");
        MimeMessage explicit = new PacketMailer(settings(10_485_760, "desk@example.com", "ops@example.com"),
                Optional.empty()).build(email, "<id@x>", "RUN");

        assertThat(fallback.getReplyTo()).extracting(Object::toString).containsExactly("ops@example.com");
        assertThat(explicit.getReplyTo()).extracting(Object::toString).containsExactly("desk@example.com");
        assertThat(fallback.getMessageID()).isEqualTo("<nightly.abc@attainment-packets>");
        assertThat(fallback.getHeader(PacketMailer.PURPOSE_HEADER, null)).isEqualTo("RESEND-2");
    }

    @Test
    void smtpTimeoutsApplyWhenTheConfigurationSetsNone() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "5000");

        SmtpChannel.applyTimeoutDefaults(sender);

        Properties p = sender.getSession().getProperties();
        assertThat(p.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(p.getProperty("mail.smtp.timeout")).isEqualTo("5000");
        assertThat(p.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    }

    private PacketEmail email(String teamName, int pdfBytes, int xlsxBytes) throws Exception {
        Path pdf = dir.resolve("team-w-nightly-2026-11-26.pdf");
        Path xlsx = dir.resolve("team-w-nightly-2026-11-26.xlsx");
        Files.write(pdf, random(pdfBytes));
        Files.write(xlsx, random(xlsxBytes));
        return new PacketEmail("nightly-2026-11-26", LocalDate.of(2026, 11, 26), "team-w", teamName, "Mia Manager",
                "manager@example.com", List.of(), pdf, xlsx, "USD", List.of(), Optional.empty());
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    private static MailSettings settings(long maxBytes, String replyTo, String opsTo) {
        return new MailSettings("Sales Ops <sales-ops@example.com>", replyTo, List.of(), opsTo, "", maxBytes, 3,
                Duration.ofMillis(10));
    }

    private static long size(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII).length();
    }
}
