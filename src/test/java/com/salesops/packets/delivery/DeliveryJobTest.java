package com.salesops.packets.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.salesops.packets.testing.JobFixture;
import com.salesops.packets.testing.SmtpGate;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Email delivery through the whole job and the command line, against a real SMTP server
 * (GreenMail) behind {@link SmtpGate}, which can make it go away, refuse a recipient and count
 * connections. Fixture {@code many-managers.sql}: six teams with a manager each (region, team-1..5),
 * so N = 6 packet emails per run.
 */
class DeliveryJobTest {

    private static final String RUN = "nightly-2026-11-26";
    private static final String OPS = "sales-ops@example.com";
    private static final Map<String, String> MANAGERS = Map.of(
            "region", "vera.okafor@example.com", "team-1", "arjun.mehta@example.com",
            "team-2", "bianca.rossi@example.com", "team-3", "chen.wei@example.com",
            "team-4", "dara.byrne@example.com", "team-5", "emeka.obi@example.com");

    @RegisterExtension
    // a free port: other test runs on the same machine may hold GreenMail's fixed 3025
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/many-managers.sql");

    private SmtpGate gate;

    @BeforeEach
    void smtpGate() throws IOException {
        gate = new SmtpGate(smtp.getSmtp().getPort());
    }

    @AfterEach
    void closeGate() throws IOException {
        gate.close();
    }

    @Test
    void eachManagerGetsExactlyOneEmailOverOneConnectionAndCompletedRunsSendNothingMore() throws Exception {
        // when
        int exit = run("run", "nightly", "--as-of", "2026-11-26");

        // then: N emails, one per manager, both files with their content types, over one connection
        assertThat(exit).isZero();
        List<MimeMessage> packets = packetEmails();
        assertThat(packets).hasSize(6);
        Map<String, String> teamByRecipient = new TreeMap<>();
        for (MimeMessage m : packets) {
            assertThat(m.getAllRecipients()).hasSize(1);
            String team = teamOf(m);
            teamByRecipient.put(m.getAllRecipients()[0].toString(), team);
            assertThat(m.getHeader(PacketMailer.PURPOSE_HEADER, null)).isEqualTo("RUN");
            assertThat(m.getFrom()[0].toString()).isEqualTo("Sales Ops <sales-ops@example.com>");
            // reply-to is empty in the configuration: replies go to ops-to
            assertThat(m.getReplyTo()[0].toString()).isEqualTo(OPS);
            assertThat(attachments(m)).containsExactly(
                    "application/pdf " + team + "-" + RUN + ".pdf",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet " + team + "-" + RUN + ".xlsx");
            assertThat(textParts(m)).containsExactly("text/plain", "text/html");
        }
        Map<String, String> expected = new TreeMap<>();
        MANAGERS.forEach((team, address) -> expected.put(address, team));
        assertThat(teamByRecipient).isEqualTo(expected);
        assertThat(messageIds(packets)).doesNotHaveDuplicates().hasSize(6);
        MimeMessage west = packets.stream().filter(m -> teamOf(m).equals("team-1")).findFirst().orElseThrow();
        // team-1: 2,000 of 10,000 in November = 20.00 %, the same figure in subject and body
        assertThat(west.getSubject()).isEqualTo("Performance packet · Team West · Nov 2026 MTD 20.00 %");
        assertThat(GreenMailUtil.getBody(west)).contains("Month to date", "20.00 % of quota: 2,000.00 USD credited of"
                + " 10,000.00 USD", "Gap to quota: 8,000.00 USD", "Amounts in USD");
        // automatic replies stay away; the Message-ID's domain is the From address's
        assertThat(west.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(west.getMessageID()).matches("<" + RUN + "\\.[0-9a-f]{24}@[a-z0-9.-]+\\.[a-z]+>")
                .doesNotContain("@attainment-packets>");
        // one connection for the six packets, one for the ops summary
        assertThat(gate.connections()).isEqualTo(2);
        assertThat(ledger()).containsExactlyInAnyOrderElementsOf(MANAGERS.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " RUN SENT 1").toList());
        List<MimeMessage> ops = opsEmails();
        assertThat(ops).hasSize(1);
        assertThat(ops.get(0).getSubject()).isEqualTo("Attainment packets " + RUN + ": COMPLETED · 6 sent, 0 not sent");
        assertThat(GreenMailUtil.getBody(ops.get(0))).contains("Run " + RUN, "Bookings: 5 read, 5 credited, 0 rejected",
                "Packets: 6 rendered", "Emails: 6 sent, 0 not sent", "Duration: ");

        // when: the same command twice more
        // then: refused as already completed, nothing sent
        assertThat(run("run", "nightly", "--as-of", "2026-11-26")).isEqualTo(3);
        assertThat(run("run", "nightly", "--as-of", "2026-11-26")).isEqualTo(3);
        assertThat(packetEmails()).hasSize(6);

        // when: a deliberate rerun
        assertThat(run("run", "nightly", "--as-of", "2026-11-26", "--rerun")).isZero();

        // then: everyone gets it again, as RERUN-1, with new Message-IDs
        assertThat(packetEmails()).hasSize(12);
        List<MimeMessage> reruns = packetEmails().stream().filter(m -> purpose(m).equals("RERUN-1")).toList();
        assertThat(reruns).hasSize(6);
        assertThat(messageIds(packetEmails())).doesNotHaveDuplicates().hasSize(12);
        assertThat(ledger()).filteredOn(r -> r.contains(" RERUN-1 SENT 1")).hasSize(6);
    }

    @Test
    void resendSendsOnePacketAgainOnPurposeAndRefusesUnknownRunsAndTeams() throws Exception {
        // given
        assertThat(run("run", "nightly", "--as-of", "2026-11-26")).isZero();

        // when / then: a resend of team-2, twice
        assertThat(run("resend", "--run", RUN, "--team", "team-2")).isZero();
        assertThat(run("resend", "--run", RUN, "--team", "team-2")).isZero();
        List<MimeMessage> resends = packetEmails().stream().filter(m -> purpose(m).startsWith("RESEND-")).toList();
        assertThat(resends).extracting(DeliveryJobTest::purpose).containsExactlyInAnyOrder("RESEND-1", "RESEND-2");
        assertThat(resends).allSatisfy(m -> assertThat(recipients(m)).containsExactly("bianca.rossi@example.com"));
        assertThat(ledger()).contains("team-2 bianca.rossi@example.com RESEND-1 SENT 1",
                "team-2 bianca.rossi@example.com RESEND-2 SENT 1");
        assertThat(messageIds(packetEmails())).doesNotHaveDuplicates().hasSize(8);

        // unknown team, unknown run, not a run key: exit 2, nothing sent
        assertThat(run("resend", "--run", RUN, "--team", "team-9")).isEqualTo(2);
        assertThat(run("resend", "--run", "nightly-2026-11-25", "--team", "team-2")).isEqualTo(2);
        assertThat(run("resend", "--run", "weekly-1", "--team", "team-2")).isEqualTo(2);
        assertThat(packetEmails()).hasSize(8);

        // the server refuses the address: exit 1, the row says so
        gate.refuse("bianca.rossi@example.com");
        assertThat(run("resend", "--run", RUN, "--team", "team-2")).isEqualTo(1);
        assertThat(ledger()).contains("team-2 bianca.rossi@example.com RESEND-3 FAILED_PERMANENT 1");
    }

    @Test
    void smtpGoingAwayAfterTwoFailsTheRunAndTheRestartSendsOnlyTheRest() throws Exception {
        // given: the server goes away after 2 of 6 messages
        gate.stopAfter(2);

        // when
        int first = run("run", "nightly", "--as-of", "2026-11-26");

        // then: the run failed with 2 SENT and 4 retryable rows, each tried max-attempts (3) times
        assertThat(first).isEqualTo(1);
        assertThat(gate.isDown()).isTrue();
        assertThat(packetEmails()).hasSize(2);
        List<String> rows = ledger();
        assertThat(rows).filteredOn(r -> r.endsWith(" RUN SENT 1")).hasSize(2);
        assertThat(rows).filteredOn(r -> r.endsWith(" RUN FAILED_RETRYABLE 3")).hasSize(4);
        // the last try of each met the server's 421 greeting (a temporary failure, hence retried)
        assertThat(new JdbcTemplate(fixture.appDb().dataSource()).queryForList("SELECT last_error FROM delivery "
                + "WHERE status = 'FAILED_RETRYABLE'", String.class)).hasSize(4).allMatch(e -> e.contains("421 4.3.2"));
        String summary = Files.readString(fixture.out().resolve(RUN).resolve("run-summary.json"));
        assertThat(summary).contains("\"status\" : \"FAILED\"", "deliverPacketsStep", "\"sent\" : 2",
                "\"failed\" : 4", "FAILED_RETRYABLE");

        // when: the server is back and the same command runs again
        gate.up();
        int second = run("run", "nightly", "--as-of", "2026-11-26");

        // then: exactly the other 4 went out; every manager has exactly one, no duplicate Message-ID
        assertThat(second).isZero();
        List<MimeMessage> packets = packetEmails();
        assertThat(packets).hasSize(6);
        assertThat(messageIds(packets)).doesNotHaveDuplicates();
        assertThat(packets.stream().flatMap(m -> recipients(m).stream()).sorted().toList())
                .isEqualTo(MANAGERS.values().stream().sorted().toList());
        assertThat(ledger()).allMatch(r -> r.contains(" RUN SENT "));
        // the ops summary of the completed restart went out (the failed run's could not: the server was away)
        assertThat(opsEmails()).extracting(MimeMessage::getSubject)
                .containsExactly("Attainment packets " + RUN + ": COMPLETED · 6 sent, 0 not sent");
    }

    @Test
    void permanentFailuresDoNotBlockTheOthersAndAreReported() throws Exception {
        // given: the server refuses one address, another does not parse
        gate.refuse("bianca.rossi@example.com");
        fixture.sourceDb().runSql("UPDATE employee SET email = 'not-an-address' WHERE employee_id = 'M3'");

        // when
        int exit = run("run", "nightly", "--as-of", "2026-11-26");

        // then: the other four went out, the two are FAILED_PERMANENT after one attempt, the run failed
        assertThat(exit).isEqualTo(1);
        assertThat(packetEmails()).hasSize(4);
        assertThat(ledger()).contains("team-2 bianca.rossi@example.com RUN FAILED_PERMANENT 1",
                "team-3 not-an-address RUN FAILED_PERMANENT 1");
        assertThat(ledger()).filteredOn(r -> r.endsWith(" RUN SENT 1")).hasSize(4);
        String summary = Files.readString(fixture.out().resolve(RUN).resolve("run-summary.json"));
        assertThat(summary).contains("\"status\" : \"FAILED\"", "\"emailsNotSent\"", "bianca.rossi@example.com",
                "not-an-address", "550 5.1.1");
        List<MimeMessage> ops = opsEmails();
        assertThat(ops).hasSize(1);
        assertThat(ops.get(0).getSubject())
                .isEqualTo("Attainment packets " + RUN + ": FAILED in deliverPacketsStep · 4 sent, 2 not sent");
        assertThat(GreenMailUtil.getBody(ops.get(0))).contains("Failed step: deliverPacketsStep",
                "Error: 2 packet email(s) of " + RUN + " not sent",
                "team team-2 to bianca.rossi@example.com [RUN] FAILED_PERMANENT",
                "team team-3 to not-an-address [RUN] FAILED_PERMANENT");

        // when: the address is fixed in the source, the server still refuses bianca; restart
        fixture.sourceDb().runSql("UPDATE employee SET email = 'chen.wei@example.com' WHERE employee_id = 'M3'");
        int restart = run("run", "nightly", "--as-of", "2026-11-26");

        // then: chen gets the packet; the old row is superseded; bianca tried once more, still refused
        assertThat(restart).isEqualTo(1);
        assertThat(packetEmails()).hasSize(5);
        assertThat(ledger()).contains("team-3 chen.wei@example.com RUN SENT 1",
                "team-3 not-an-address RUN SUPERSEDED 1", "team-2 bianca.rossi@example.com RUN FAILED_PERMANENT 2");
        assertThat(lastError("team-3", "not-an-address")).isEqualTo("team team-3 no longer has a packet for not-an-address");

        // when: the mailbox exists again
        gate.allow("bianca.rossi@example.com");
        assertThat(run("run", "nightly", "--as-of", "2026-11-26")).isZero();
        assertThat(packetEmails()).hasSize(6);
        assertThat(messageIds(packetEmails())).doesNotHaveDuplicates();
    }

    // --- helpers

    private int run(String... command) {
        List<String> a = new ArrayList<>(List.of(command));
        a.add("--spring.mail.host=127.0.0.1");
        a.add("--spring.mail.port=" + gate.port());
        a.add("--packets.mail.ops-to=" + OPS);
        a.add("--packets.mail.retry-backoff=20ms");
        return fixture.job().run(a.toArray(String[]::new));
    }

    /** "team recipient purpose status attempts" per ledger row. */
    private List<String> ledger() {
        return new JdbcTemplate(fixture.appDb().dataSource()).query("SELECT team_id, recipient, purpose, status, attempts "
                + "FROM delivery ORDER BY id", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4) + " " + rs.getInt(5));
    }

    private String lastError(String team, String recipient) {
        return new JdbcTemplate(fixture.appDb().dataSource()).queryForObject("SELECT last_error FROM delivery WHERE team_id = ? "
                + "AND recipient = ?", String.class, team, recipient);
    }

    static List<MimeMessage> packetEmails() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> !purpose(m).isEmpty()).toList();
    }

    static List<MimeMessage> opsEmails() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> purpose(m).isEmpty()).toList();
    }

    static String purpose(MimeMessage m) {
        try {
            String p = m.getHeader(PacketMailer.PURPOSE_HEADER, null);
            return p == null ? "" : p;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> recipients(MimeMessage m) {
        try {
            return Stream.of(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> messageIds(List<MimeMessage> messages) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : messages) {
            ids.add(m.getMessageID());
        }
        return ids;
    }

    /** The team of a packet email, from its PDF's file name ({@code <team>-<run-key>.pdf}). */
    static String teamOf(MimeMessage m) {
        try {
            for (String a : attachments(m)) {
                if (a.startsWith("application/pdf ")) {
                    return a.substring("application/pdf ".length(), a.length() - ("-" + RUN + ".pdf").length());
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "content-type file-name" of each attachment, in order. */
    static List<String> attachments(Part message) throws MessagingException, IOException {
        List<String> found = new ArrayList<>();
        collect(message, found, true);
        return found;
    }

    /** Content types of the inline text parts (the HTML body and its plain-text alternative). */
    static List<String> textParts(Part message) throws MessagingException, IOException {
        List<String> found = new ArrayList<>();
        collect(message, found, false);
        Collections.sort(found, (a, b) -> a.equals("text/plain") ? -1 : b.equals("text/plain") ? 1 : 0);
        return found;
    }

    private static void collect(Part part, List<String> found, boolean attachments) throws MessagingException, IOException {
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), found, attachments);
            }
            return;
        }
        String type = part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        boolean isAttachment = part instanceof BodyPart && part.getFileName() != null;
        if (attachments && isAttachment) {
            found.add(type + " " + part.getFileName());
        } else if (!attachments && !isAttachment && type.startsWith("text/")) {
            found.add(type);
        }
    }
}
