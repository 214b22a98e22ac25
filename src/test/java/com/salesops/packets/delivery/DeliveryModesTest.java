package com.salesops.packets.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.salesops.packets.testing.JobFixture;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivery settings through the whole job, with {@code fixtures/small-org.sql} (three managers):
 * header injection from data, staging redirect, the outbox folder and the size guard.
 */
class DeliveryModesTest {

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    private static final String RUN = "nightly-2026-11-26";

    @RegisterExtension
    // a free port: other test runs on the same machine may hold GreenMail's fixed 3025
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void headerInjectionFromATeamNameIsNeutralisedAndRedirectSendsEverythingToStaging() throws Exception {
        // given: a team name that tries to add a Bcc header
        fixture.sourceDb().runSql("UPDATE sales_team SET name = CONCAT('West', CHAR(13), CHAR(10), 'Bcc: x@evil.example') "
                + "WHERE team_id = 'team-a'");

        // when: staging, everything redirected
        int exit = run(true, "--packets.mail.redirect-all-to=staging@example.com",
                "--packets.mail.cc=sales-ops-cc@example.com");

        // then
        assertThat(exit).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(smtp.getReceivedMessagesForDomain("evil.example")).isEmpty();
        List<String> intended = new ArrayList<>();
        for (MimeMessage m : received) {
            // the redirect address only: no cc, no Bcc, no injected header
            assertThat(DeliveryJobTest.recipients(m)).containsExactly("staging@example.com");
            assertThat(m.getAllRecipients()).hasSize(1);
            String headers = GreenMailUtil.getHeaders(m);
            assertThat(headers.lines()).noneMatch(l -> l.toLowerCase().startsWith("bcc:"))
                    .noneMatch(l -> l.toLowerCase().startsWith("cc:"));
            assertThat(m.getHeader("Bcc")).isNull();
            String body = GreenMailUtil.getBody(m);
            for (String address : List.of("vera.okafor@example.com", "arjun.mehta@example.com",
                    "bianca.rossi@example.com")) {
                if (body.contains("intended recipient: " + address)) {
                    intended.add(address);
                }
            }
        }
        assertThat(intended).containsExactlyInAnyOrder("vera.okafor@example.com", "arjun.mehta@example.com",
                "bianca.rossi@example.com");
        MimeMessage west = Arrays.stream(received).filter(m -> DeliveryJobTest.teamOf(m).equals("team-a"))
                .findFirst().orElseThrow();
        // team-a: 31,000 / 18,000 = 172.222… → 172.22 %, as the body and attainment.csv print it
        assertThat(west.getSubject()).isEqualTo("Performance packet · West Bcc: x@evil.example · Nov 2026 MTD 172.22 %");
    }

    @Test
    void outboxModeWritesOneEmlPerPacketAndASecondRunWritesNone() throws Exception {
        // when: no SMTP host
        int exit = run(false, "--packets.mail.cc=sales-ops-cc@example.com");

        // then: three .eml files, one per packet, each with the ledger's Message-ID
        assertThat(exit).isZero();
        Path outbox = fixture.out().resolve(RUN).resolve("outbox");
        List<Path> files = emls(outbox);
        assertThat(files).hasSize(3);
        List<String> ledgerIds = new JdbcTemplate(fixture.appDb().dataSource()).queryForList(
                "SELECT message_id FROM delivery WHERE status = 'SENT' ORDER BY team_id", String.class);
        assertThat(ledgerIds).hasSize(3);
        List<String> fileIds = new ArrayList<>();
        for (Path f : files) {
            MimeMessage m = read(f);
            fileIds.add(m.getMessageID());
            assertThat(m.getHeader("Cc", null)).isEqualTo("sales-ops-cc@example.com");
            assertThat(DeliveryJobTest.attachments(m)).hasSize(2);
        }
        assertThat(fileIds).containsExactlyInAnyOrderElementsOf(ledgerIds);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // when: the same key again
        // then: refused, no new file
        assertThat(run(false)).isEqualTo(3);
        assertThat(emls(outbox)).hasSize(3);
    }

    @Test
    void aTinyMessageLimitLeavesTheFilesOutAndSaysWhereTheyAre() throws Exception {
        // when: 10,000 bytes, less than the envelope allowance: no file fits
        int exit = run(true, "--packets.mail.max-message-bytes=10000");

        // then
        assertThat(exit).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        for (MimeMessage m : received) {
            String team = m.getSubject().contains("Alpha") ? "team-a" : m.getSubject().contains("Beta") ? "team-b" : "region";
            assertThat(DeliveryJobTest.attachments(m)).isEmpty();
            Path dir = fixture.out().resolve(RUN).resolve("packets").resolve(team).toAbsolutePath().normalize();
            // the decoded text part: rep names make the body quoted-printable, which wraps long raw lines
            assertThat(plainText(m)).contains(
                    "Left out: " + team + "-" + RUN + ".pdf (" + dir.resolve(team + "-" + RUN + ".pdf") + ")",
                    "Left out: " + team + "-" + RUN + ".xlsx (" + dir.resolve(team + "-" + RUN + ".xlsx") + ")");
        }
    }

    @Test
    void aRunThatFailsBeforeDeliveryStillTellsOpsWhichStepFailedAndWhy() throws Exception {
        // given: a team whose parent does not exist (the first step refuses the hierarchy)
        fixture.sourceDb().runSql("UPDATE sales_team SET parent_team_id = 'nowhere' WHERE team_id = 'team-b'");

        // when
        int exit = run(true, "--packets.mail.ops-to=sales-ops@example.com");

        // then: the run failed, no packet email, one ops email naming the step and the error
        assertThat(exit).isEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(DeliveryJobTest.recipients(received[0])).containsExactly("sales-ops@example.com");
        assertThat(received[0].getSubject())
                .isEqualTo("Attainment packets " + RUN + ": FAILED in prepareRunStep · 0 sent, 0 not sent");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Failed step: prepareRunStep", "Error: ", "nowhere",
                "Bookings: n/a read");
    }

    @Test
    void anOpsAddressThatDoesNotParseIsBadConfiguration() {
        // when / then: exit 2 at start-up, nothing sent
        assertThat(run(true, "--packets.mail.ops-to=ops at example")).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private int run(boolean withSmtp, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "nightly", "--as-of", "2026-11-26"));
        a.add("--packets.mail.retry-backoff=20ms");
        if (withSmtp) {
            a.add("--spring.mail.host=127.0.0.1");
            a.add("--spring.mail.port=" + smtp.getSmtp().getPort());
        }
        a.addAll(List.of(extra));
        return fixture.job().run(a.toArray(String[]::new));
    }

    private static List<Path> emls(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(outbox)) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    /** The text/plain part of a message, decoded. */
    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
