package com.salesops.packets.delivery;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Window;
import com.salesops.packets.support.Decimals;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds packet emails (HTML with a plain-text alternative, both files attached while the message
 * stays under {@code packets.mail.max-message-bytes}) and the ops run summary, and opens the
 * channel they go out through: SMTP, or without an SMTP host the outbox folder of {@code .eml}
 * files. Values from data never reach a header unsanitised.
 */
public final class PacketMailer {

    /** Base64 grows attachments by 4/3; headers and body add a little. */
    private static final double BASE64 = 1.37;
    private static final long ENVELOPE_BYTES = 64 * 1024;

    /** Says why an email was sent: RUN, RERUN-n or RESEND-n (a deliberate resend). */
    public static final String PURPOSE_HEADER = "X-Packet-Purpose";

    private final MailSettings settings;
    private final Optional<JavaMailSender> smtp;
    private final Session session = Session.getInstance(new Properties());

    public PacketMailer(MailSettings settings, Optional<JavaMailSender> smtp) {
        this.settings = settings;
        this.smtp = smtp;
    }

    public boolean usesSmtp() {
        return smtp.isPresent();
    }

    /**
     * Opens where this step's messages go: one reused SMTP connection, or the {@code outbox} folder
     * when no SMTP host is configured. Close it when the step is done.
     */
    public MailChannel open(Path outbox) {
        if (smtp.isEmpty()) {
            return new OutboxChannel(outbox);
        }
        if (smtp.get() instanceof JavaMailSenderImpl impl) {
            return new SmtpChannel(impl);
        }
        JavaMailSender other = smtp.get();
        return new MailChannel() {
            @Override
            public void send(MimeMessage message, String name) {
                other.send(message);
            }

            @Override
            public String describe() {
                return "SMTP (" + other.getClass().getSimpleName() + ")";
            }

            @Override
            public void close() {
                // the sender manages its own connections
            }
        };
    }

    /** The {@code .eml} file name of a packet email in outbox mode. */
    static String outboxName(PacketEmail email, String messageId) {
        return email.teamId() + "-" + messageId.replaceAll("[<>@]", "");
    }

    /** The run summary for sales ops: plain text, to {@code packets.mail.ops-to} (or the redirect address). */
    MimeMessage buildOps(String subject, String text, String messageId) throws MessagingException {
        MimeMessage message = new FixedIdMimeMessage(session, messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress(settings.from(), true));
        if (settings.redirecting()) {
            helper.setTo(addresses(settings.redirectAllTo()));
            text = text + "\n[staging] intended recipient: " + settings.opsTo() + "\n";
        } else {
            helper.setTo(addresses(settings.opsTo()));
        }
        helper.setSubject(headerSafe(subject));
        automatic(message);
        helper.setText(text, false);
        message.saveChanges();
        return message;
    }

    /**
     * Builds one packet email. {@code purpose} (RUN, RERUN-n, RESEND-n) travels in a header so a
     * deliberate resend can be told from the original. An address that does not parse throws
     * {@link jakarta.mail.internet.AddressException} (a permanent failure).
     */
    MimeMessage build(PacketEmail email, String messageId, String purpose) throws MessagingException, IOException {
        MimeMessage message = new FixedIdMimeMessage(session, messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                "UTF-8");
        helper.setFrom(new InternetAddress(settings.from(), true));
        String replyTo = settings.replyTo() != null && !settings.replyTo().isBlank() ? settings.replyTo()
                : settings.opsTo();
        if (replyTo != null && !replyTo.isBlank()) {
            message.setReplyTo(addresses(replyTo));
        }
        String to = settings.redirecting() ? settings.redirectAllTo() : email.recipient();
        helper.setTo(new InternetAddress(headerSafe(to), true));
        if (!settings.redirecting()) {
            for (String cc : settings.cc()) {
                helper.addCc(new InternetAddress(headerSafe(cc), true));
            }
        }
        helper.setSubject(subject(email));
        message.setHeader(PURPOSE_HEADER, headerSafe(purpose));
        automatic(message);
        long pdfBytes = Files.size(email.pdf());
        long xlsxBytes = Files.size(email.xlsx());
        boolean attachPdf = ENVELOPE_BYTES + pdfBytes * BASE64 <= settings.maxMessageBytes();
        boolean attachXlsx = attachPdf && ENVELOPE_BYTES + (pdfBytes + xlsxBytes) * BASE64 <= settings.maxMessageBytes();
        helper.setText(plainBody(email, attachPdf, attachXlsx), htmlBody(email, attachPdf, attachXlsx));
        if (attachPdf) {
            attach(helper, email.pdf(), "application/pdf");
        }
        if (attachXlsx) {
            attach(helper, email.xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        message.saveChanges();
        return message;
    }

    /** A file attached as {@link MimeMessageHelper#addAttachment} attaches it, its base64 made by the JDK. */
    private static void attach(MimeMessageHelper helper, Path file, String contentType) throws MessagingException {
        String name = file.getFileName().toString();
        try {
            helper.getRootMimeMultipart().addBodyPart(Base64Attachment.of(file,
                    helper.isEncodeFilenames() ? MimeUtility.encodeText(name) : name, contentType));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode the attachment's file name " + name, e);
        }
    }

    /**
     * Marks the message as sent by a program (RFC 3834), so out-of-office and other automatic replies
     * are not sent back to sales ops; the second header asks the same of Exchange.
     */
    private static void automatic(MimeMessage message) throws MessagingException {
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
    }

    /** One or more comma-separated addresses from configuration, strictly parsed, control characters removed. */
    private static InternetAddress[] addresses(String list) throws AddressException {
        return InternetAddress.parse(headerSafe(list), true);
    }

    /**
     * e.g. {@code Performance packet · Team West · Nov 2026 MTD 84.31 %}: the attainment as the body,
     * the packets and attainment.csv print it (2 decimals), so the subject never disagrees with them.
     */
    static String subject(PacketEmail email) {
        String month = email.asOf().format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.US));
        String mtd = headline(email, Window.MONTH).flatMap(NodeResult::attainmentPct)
                .map(p -> Decimals.plain2(p) + " %").orElse("n/a (no team quota)");
        return headerSafe("Performance packet · " + email.teamName() + " · " + month + " MTD " + mtd);
    }

    /** The Message-ID of a packet or ops email, its domain that of {@code packets.mail.from}. */
    public String messageId(String runKey, String teamId, String recipient, String purpose) {
        return MessageIds.of(runKey, teamId, recipient, purpose, MessageIds.domainOf(settings.from()));
    }

    /** Removes CR, LF and other control characters so data cannot add a header. */
    static String headerSafe(String value) {
        if (value == null) {
            return "";
        }
        String s = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    static Optional<NodeResult> headline(PacketEmail email, Window window) {
        return email.headline().stream().filter(r -> r.window() == window).findFirst();
    }

    private String plainBody(PacketEmail email, boolean pdf, boolean xlsx) {
        EmailSummary summary = new EmailSummary(email);
        StringBuilder b = new StringBuilder();
        b.append("Hello ").append(email.managerName()).append(",\n\n");
        b.append(summary.intro()).append("\n\n");
        email.changesLine().ifPresent(line -> b.append(line).append("\n\n"));
        for (EmailSummary.Block block : summary.windows()) {
            b.append(block.title()).append('\n');
            block.lines().forEach(line -> b.append("  ").append(line).append('\n'));
            b.append('\n');
        }
        for (EmailSummary.Block block : summary.reps()) {
            b.append(block.title()).append('\n');
            block.lines().forEach(line -> b.append("  ").append(line).append('\n'));
            b.append('\n');
        }
        b.append(attachmentNote(email, pdf, xlsx));
        if (settings.redirecting()) {
            b.append("\n[staging] intended recipient: ").append(email.recipient()).append('\n');
        }
        return b.toString();
    }

    /** One column, no wide table: readable on a phone without opening an attachment. */
    private String htmlBody(PacketEmail email, boolean pdf, boolean xlsx) {
        EmailSummary summary = new EmailSummary(email);
        StringBuilder b = new StringBuilder("<html><head><meta name=\"viewport\" content=\"width=device-width\"></head>"
                + "<body style=\"font-family:sans-serif;font-size:15px;line-height:1.4;max-width:600px\">");
        b.append("<p>Hello ").append(html(email.managerName())).append(",</p>");
        b.append("<p>").append(html(summary.intro())).append("</p>");
        email.changesLine().ifPresent(line -> b.append("<p>").append(html(line)).append("</p>"));
        for (EmailSummary.Block block : summary.windows()) {
            appendBlock(b, block);
        }
        for (EmailSummary.Block block : summary.reps()) {
            appendBlock(b, block);
        }
        b.append("<p style=\"color:#555\">").append(html(attachmentNote(email, pdf, xlsx)).replace("\n", "<br>"))
                .append("</p>");
        if (settings.redirecting()) {
            b.append("<p><i>[staging] intended recipient: ").append(html(email.recipient())).append("</i></p>");
        }
        return b.append("</body></html>").toString();
    }

    private static void appendBlock(StringBuilder b, EmailSummary.Block block) {
        b.append("<p style=\"margin:12px 0 4px\"><b>").append(html(block.title())).append("</b></p>");
        for (String line : block.lines()) {
            b.append("<div style=\"margin:0 0 2px 8px\">").append(html(line)).append("</div>");
        }
    }

    private static String attachmentNote(PacketEmail email, boolean pdf, boolean xlsx) {
        if (pdf && xlsx) {
            return "Attached: " + email.pdf().getFileName() + " and " + email.xlsx().getFileName() + ".\n";
        }
        StringBuilder b = new StringBuilder("This email would be too large for the mail server with every file. ");
        if (!pdf) {
            b.append("Left out: ").append(email.pdf().getFileName()).append(" (").append(email.pdf()).append("). ");
        }
        b.append("Left out: ").append(email.xlsx().getFileName()).append(" (").append(email.xlsx()).append(").\n");
        return b.toString();
    }

    private static String html(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A MimeMessage whose Message-ID survives saveChanges(). */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String id;

        FixedIdMimeMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

}
