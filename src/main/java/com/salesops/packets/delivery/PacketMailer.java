package com.salesops.packets.delivery;

import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.calendar.Window;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.springframework.core.io.FileSystemResource;
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
        long pdfBytes = Files.size(email.pdf());
        long xlsxBytes = Files.size(email.xlsx());
        boolean attachPdf = ENVELOPE_BYTES + pdfBytes * BASE64 <= settings.maxMessageBytes();
        boolean attachXlsx = attachPdf && ENVELOPE_BYTES + (pdfBytes + xlsxBytes) * BASE64 <= settings.maxMessageBytes();
        helper.setText(plainBody(email, attachPdf, attachXlsx), htmlBody(email, attachPdf, attachXlsx));
        if (attachPdf) {
            helper.addAttachment(email.pdf().getFileName().toString(), new FileSystemResource(email.pdf()),
                    "application/pdf");
        }
        if (attachXlsx) {
            helper.addAttachment(email.xlsx().getFileName().toString(), new FileSystemResource(email.xlsx()),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        message.saveChanges();
        return message;
    }

    /** One or more comma-separated addresses from configuration, strictly parsed, control characters removed. */
    private static InternetAddress[] addresses(String list) throws AddressException {
        return InternetAddress.parse(headerSafe(list), true);
    }

    /** e.g. {@code Performance packet · Team West · Nov 2026 MTD 84.3 %}. */
    static String subject(PacketEmail email) {
        String month = email.asOf().format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.US));
        String mtd = headline(email, Window.MONTH).flatMap(NodeResult::attainmentPct)
                .map(p -> oneDecimal(p) + " %").orElse("n/a");
        return headerSafe("Performance packet · " + email.teamName() + " · " + month + " MTD " + mtd);
    }

    /** Removes CR, LF and other control characters so data cannot add a header. */
    static String headerSafe(String value) {
        if (value == null) {
            return "";
        }
        String s = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static Optional<NodeResult> headline(PacketEmail email, Window window) {
        return email.headline().stream().filter(r -> r.window() == window).findFirst();
    }

    private String plainBody(PacketEmail email, boolean pdf, boolean xlsx) {
        StringBuilder b = new StringBuilder();
        b.append("Hello ").append(email.managerName()).append(",\n\n");
        b.append("Your performance packet for ").append(email.teamName()).append(" (as of ").append(email.asOf())
                .append(", run ").append(email.runKey()).append(") is attached.\n\n");
        email.changesLine().ifPresent(line -> b.append(line).append("\n\n"));
        for (Window w : Window.values()) {
            headline(email, w).ifPresent(r -> b.append(String.format(Locale.US, "%-8s attainment %s of quota %s, credited %s, %s%n",
                    w, pct(r.attainmentPct()), money(r.quota()), money(Optional.of(r.credited())),
                    r.paceStatus().map(Enum::name).orElse("no pace"))));
        }
        b.append('\n').append(attachmentNote(email, pdf, xlsx));
        if (settings.redirecting()) {
            b.append("\n[staging] intended recipient: ").append(email.recipient()).append('\n');
        }
        return b.toString();
    }

    private String htmlBody(PacketEmail email, boolean pdf, boolean xlsx) {
        StringBuilder b = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
        b.append("<p>Hello ").append(html(email.managerName())).append(",</p>");
        b.append("<p>Your performance packet for <b>").append(html(email.teamName())).append("</b> (as of ")
                .append(email.asOf()).append(", run ").append(html(email.runKey())).append(") is attached.</p>");
        email.changesLine().ifPresent(line -> b.append("<p>").append(html(line)).append("</p>"));
        b.append("<table cellpadding=\"4\" style=\"border-collapse:collapse\"><tr><th align=\"left\">Window</th>"
                + "<th align=\"right\">Attainment</th><th align=\"right\">Quota</th><th align=\"right\">Credited</th>"
                + "<th align=\"left\">Pace</th></tr>");
        for (Window w : Window.values()) {
            headline(email, w).ifPresent(r -> b.append("<tr><td>").append(w).append("</td><td align=\"right\">")
                    .append(pct(r.attainmentPct())).append("</td><td align=\"right\">").append(money(r.quota()))
                    .append("</td><td align=\"right\">").append(money(Optional.of(r.credited())))
                    .append("</td><td>").append(r.paceStatus().map(Enum::name).orElse("n/a")).append("</td></tr>"));
        }
        b.append("</table><p>").append(html(attachmentNote(email, pdf, xlsx)).replace("\n", "<br>")).append("</p>");
        if (settings.redirecting()) {
            b.append("<p><i>[staging] intended recipient: ").append(html(email.recipient())).append("</i></p>");
        }
        return b.append("</body></html>").toString();
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

    private static String oneDecimal(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String pct(Optional<BigDecimal> v) {
        return v.map(p -> p.setScale(2, RoundingMode.HALF_UP).toPlainString() + " %").orElse("n/a");
    }

    private static String money(Optional<BigDecimal> v) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return v.map(f::format).orElse("n/a");
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
