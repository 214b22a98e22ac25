package com.salesops.packets.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.salesops.packets.delivery.PacketMailer;
import com.salesops.packets.testing.JobFixture;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guards before any manager is emailed, through the command line, on MariaDB and a real SMTP
 * server (GreenMail): dates that cannot be meant are refused before anything is written; a run
 * whose figures look wrong renders, is HELD (exit 1, nothing sent, ops told why) and goes out once
 * on {@code release}, or is recomputed by the same command after the source is fixed. Fixture
 * {@code many-managers.sql}: six teams with a manager each, five bookings of 2,000, 4,000, 6,000,
 * 8,000 and 10,000 (B1..B5, 2026-11-06..10, one rep each, 100 % PRIMARY).
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryGateJobTest {

    private static final String RUN = "nightly-2026-11-26";
    private static final String OPS = "sales-ops@example.com";
    private static final Map<String, String> MANAGERS = Map.of(
            "region", "vera.okafor@example.com", "team-1", "arjun.mehta@example.com",
            "team-2", "bianca.rossi@example.com", "team-3", "chen.wei@example.com",
            "team-4", "dara.byrne@example.com", "team-5", "emeka.obi@example.com");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/many-managers.sql");

    @BeforeEach
    void mailAndTheRejectRule() {
        // the reject rule is one of the guards tested here: on, at its default 10 %
        fixture.job().withRejectRule().with("--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--packets.mail.ops-to=" + OPS,
                "--packets.mail.retry-backoff=20ms");
    }

    @Test
    void futureAsOfAndUnfinishedMonthAreRefusedWithExitTwoAndWriteNothingUnlessAllowed(CapturedOutput output) {
        // given
        // the real day: the date guards read the system clock (packets.timezone is UTC), not the clock JobRun
        // passes (retention's); that one is set to the same day
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fixture.job().today(today);
        String tomorrow = today.plusDays(1).toString();

        // when
        int future = run("run", "nightly", "--as-of", tomorrow);
        int unfinished = run("run", "monthly", "--month", YearMonth.from(today).toString());

        // then: refused as bad usage, naming the option that allows it; no job instance, no folder, no email
        assertThat(future).isEqualTo(2);
        assertThat(unfinished).isEqualTo(2);
        assertThat(output.getOut() + output.getErr()).contains("--as-of " + tomorrow + " is after today (" + today
                + " in UTC)", "--month " + YearMonth.from(today) + " has not ended", "add --allow-future");
        assertThat(db().queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Long.class)).isZero();
        assertThat(fixture.out()).isEmptyDirectory();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // when: the future day is meant (and the gate's empty-source rule off: what it reads depends on the clock)
        int allowed = run("run", "nightly", "--as-of", tomorrow, "--allow-future", "--packets.guard.min-bookings=0");

        // then: it runs
        assertThat(allowed).isZero();
        assertThat(db().queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Long.class)).isEqualTo(1);
        assertThat(fixture.out().resolve("nightly-" + tomorrow).resolve("run-summary.json")).exists();
    }

    @Test
    void asOfBeforeTheEarliestBookingWarnsAndItsEmptyReadIsHeld(CapturedOutput output) throws Exception {
        // when: as of 2026-01-05, before B1 (2026-11-06), the earliest booking
        int exit = run("run", "nightly", "--as-of", "2026-01-05");

        // then: allowed, with a warning; it read nothing, so the gate held it
        assertThat(output.getOut()).contains("as-of 2026-01-05 is before the earliest booking in the source (2026-11-06)");
        assertThat(exit).isEqualTo(1);
        assertThat(output.getOut()).contains("nightly-2026-01-05 HELD (execution 1)");
        assertThat(packetEmails()).isEmpty();
    }

    @Test
    void emptySourceIsHeldSendsNothingAndReleaseSendsEachEmailOnce(CapturedOutput output) throws Exception {
        // given: a source whose bookings are gone (a replica that lost its data)
        fixture.sourceDb().runSql("DELETE FROM booking_credit");
        fixture.sourceDb().runSql("DELETE FROM booking");

        // when
        int exit = run("run", "nightly", "--as-of", "2026-11-26");

        // then: rendered, held, nothing sent to managers; ops told what and why
        assertThat(exit).isEqualTo(1);
        assertThat(output.getOut()).contains(RUN + " HELD (execution 1)", "no booking read", "release 1");
        assertThat(count("SELECT COUNT(*) FROM packet")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM delivery")).isZero();
        assertThat(packetEmails()).isEmpty();
        List<MimeMessage> ops = opsEmails();
        assertThat(ops).extracting(MimeMessage::getSubject)
                .containsExactly("Attainment packets " + RUN + ": HELD before delivery · 6 rendered, none sent to managers");
        assertThat(GreenMailUtil.getBody(ops.get(0))).contains("no booking read",
                "Figures: 0 bookings read, 0 rejected; no previous run to compare with",
                "bin/packets release 1", "run the same command again");
        String summary = summary();
        assertThat(summary).contains("\"status\" : \"HELD\"", "\"decision\" : \"HELD\"", "\"bookingsRead\" : 0",
                "\"bookingsRejected\" : 0", "\"previousRun\" : null", "\"minBookings\" : 1");

        // when: ops look
        int mark = output.getOut().length();
        assertThat(run("status", "--run", RUN)).isZero();

        // then: HELD, why, the figures and what to do
        String status = output.getOut().substring(mark);
        assertThat(status.lines()).anyMatch(line -> line.matches(RUN + " +1  HELD .*"));
        assertThat(status).contains("held: no booking read",
                "gate: 0 bookings read, 0 rejected; no previous run to compare with [limits: min-bookings 1, "
                        + "max-reject-pct 10, max-drop-pct 20]", "To send as it is: release 1");

        // when: a person decides the (empty) packets go out as they are
        int released = run("release", "1");

        // then: each manager gets exactly one email, under the run's own purpose
        assertThat(released).isZero();
        assertEachManagerGotExactlyOne("RUN");
        assertThat(ledger()).containsExactlyInAnyOrderElementsOf(MANAGERS.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " RUN SENT 1").toList());
        assertThat(summary()).contains("\"status\" : \"COMPLETED\"", "\"decision\" : \"RELEASED\"",
                "\"heldExecutionId\" : 1");

        // when: released again, or the cron command again
        // then: refused; nothing more sent
        assertThat(run("release", "1")).isEqualTo(3);
        assertThat(run("run", "nightly", "--as-of", "2026-11-26")).isEqualTo(3);
        assertEachManagerGotExactlyOne("RUN");
    }

    @Test
    void rejectShareOverTheLimitIsHeldAndTheSameCommandAfterTheSourceFixRecomputesAndSends(CapturedOutput output)
            throws Exception {
        // given: B5's PRIMARY split is 90 %: rejected SPLIT_SUM, 1 of 5 bookings = 20.00 % > 10 %
        fixture.sourceDb().runSql("UPDATE booking_credit SET split_percent = 90.00 WHERE booking_id = 'B5'");

        // when
        int exit = run("run", "nightly", "--as-of", "2026-11-26");

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(output.getOut()).contains("1 of 5 bookings rejected (20.00 %), more than "
                + "packets.guard.max-reject-pct = 10 %");
        assertThat(packetEmails()).isEmpty();
        assertThat(summary()).contains("\"decision\" : \"HELD\"", "\"bookingsRead\" : 5", "\"bookingsRejected\" : 1",
                "\"rejectPct\" : \"20.00\"");

        // when: the source is fixed and cron's command runs again
        fixture.sourceDb().runSql("UPDATE booking_credit SET split_percent = 100.00 WHERE booking_id = 'B5'");
        int again = run("run", "nightly", "--as-of", "2026-11-26");

        // then: recomputed from the fixed source (a new instance of the key), passed, each manager once
        assertThat(again).isZero();
        assertThat(output.getOut()).contains("execution 1 was HELD and not released; recomputing");
        assertEachManagerGotExactlyOne("RUN");
        assertThat(summary()).contains("\"status\" : \"COMPLETED\"", "\"decision\" : \"PASSED\"",
                "\"bookingsRead\" : 5", "\"bookingsRejected\" : 0", "\"rejectPct\" : \"0.00\"");
        assertThat(db().queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID", String.class))
                .containsExactly("ABANDONED", "COMPLETED");
        assertThat(run("release", "1")).isEqualTo(3);
    }

    @Test
    void creditDropAgainstThePreviousRunIsHeldThenReleasedWhileARunThatPassesSendsAsBefore(CapturedOutput output)
            throws Exception {
        // given: a sixth booking, B6 6,000 for R1: the source holds 2,000 + 4,000 + 6,000 + 8,000 + 10,000 + 6,000
        // = 36,000 of PRIMARY credit
        fixture.sourceDb().runSql("INSERT INTO booking (booking_id, booking_date, account_name, amount, currency, booking_type, "
                + "channel, partner_name, status, cancelled_date, updated_at) VALUES ('B6', '2026-11-11', 'Account 6', "
                + "6000.00, 'USD', 'NEW', 'DIRECT', NULL, 'BOOKED', NULL, '2026-11-11 10:00:00')");
        fixture.sourceDb().runSql("INSERT INTO booking_credit (booking_id, employee_id, credit_role, split_percent) VALUES "
                + "('B6', 'R1', 'PRIMARY', 100.00)");

        // when: the first nightly (no previous run)
        int first = run("run", "nightly", "--as-of", "2026-11-25");

        // then: it passes the gate and sends as it always did
        assertThat(first).isZero();
        assertThat(packetEmails()).hasSize(6);
        assertThat(summary("nightly-2026-11-25")).contains("\"decision\" : \"PASSED\"", "\"bookingsRead\" : 6",
                "\"bookingsRejected\" : 0", "\"previousRun\" : null");

        // given: a third of the bookings (B4 8,000 and B5 10,000: 2 of 6) vanish from the source
        fixture.sourceDb().runSql("DELETE FROM booking_credit WHERE booking_id IN ('B4', 'B5')");
        fixture.sourceDb().runSql("DELETE FROM booking WHERE booking_id IN ('B4', 'B5')");

        // when: the next nightly
        int second = run("run", "nightly", "--as-of", "2026-11-26");

        // then: C = [max(S, Sp), Dp] = [2026-01-01, 2026-11-25] (both read from the fiscal year's start);
        // credited there 36,000 - 18,000 = 18,000.00 against 36,000.00: a drop of 50.00 % > 20 %: held
        assertThat(second).isEqualTo(1);
        assertThat(output.getOut()).contains(RUN + " HELD", "credited total of 2026-01-01..2026-11-25 fell from "
                + "36,000.00 in nightly-2026-11-25 to 18,000.00 (-50.00 %), more than packets.guard.max-drop-pct = 20 %");
        assertThat(packetEmails()).hasSize(6);
        assertThat(summary()).contains("\"decision\" : \"HELD\"", "\"runKey\" : \"nightly-2026-11-25\"",
                "\"commonSpanStart\" : \"2026-01-01\"", "\"commonSpanEnd\" : \"2026-11-25\"",
                "\"credited\" : \"18000.00\"", "\"previousCredited\" : \"36000.00\"", "\"dropPct\" : \"50.00\"");
        long held = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");

        // when: the drop is real (the deals were withdrawn) and a person releases the run
        int released = run("release", Long.toString(held));

        // then: each manager gets the 2026-11-26 packet exactly once
        assertThat(released).isZero();
        List<MimeMessage> second26 = packetEmails().stream().filter(m -> attachmentNames(m).contains(RUN)).toList();
        assertThat(second26).hasSize(6);
        assertThat(second26.stream().flatMap(m -> recipients(m).stream()).sorted().toList())
                .isEqualTo(MANAGERS.values().stream().sorted().toList());
        assertThat(packetEmails()).hasSize(12);
        assertThat(summary()).contains("\"decision\" : \"RELEASED\"", "\"dropPct\" : \"50.00\"");
    }

    @Test
    void aGuardLimitOutOfRangeFailsAtStartUpNamingTheKey(CapturedOutput output) {
        // when
        int exit = run("run", "nightly", "--as-of", "2026-11-26", "--packets.guard.max-reject-pct=150");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(output.getErr()).contains("packets: bad configuration: packets.guard.max-reject-pct");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    // --- helpers

    private int run(String... command) {
        return fixture.job().run(command);
    }

    private void assertEachManagerGotExactlyOne(String purpose) throws MessagingException {
        List<MimeMessage> packets = packetEmails();
        assertThat(packets).allSatisfy(m -> assertThat(m.getHeader(PacketMailer.PURPOSE_HEADER, null)).isEqualTo(purpose));
        assertThat(packets.stream().flatMap(m -> recipients(m).stream()).sorted().toList())
                .isEqualTo(MANAGERS.values().stream().sorted().toList());
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : packets) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    private String summary() throws IOException {
        return summary(RUN);
    }

    private String summary(String runKey) throws IOException {
        return Files.readString(fixture.job().runDir(runKey).resolve("run-summary.json"));
    }

    private JdbcTemplate db() {
        return fixture.job().appDb();
    }

    private long count(String sql) {
        Long n = db().queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** "team recipient purpose status attempts" per ledger row. */
    private List<String> ledger() {
        return db().query("SELECT team_id, recipient, purpose, status, attempts FROM delivery ORDER BY id",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getInt(5));
    }

    private static List<MimeMessage> packetEmails() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> !purpose(m).isEmpty()).toList();
    }

    private static List<MimeMessage> opsEmails() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> purpose(m).isEmpty()).toList();
    }

    private static String purpose(MimeMessage m) {
        try {
            String p = m.getHeader(PacketMailer.PURPOSE_HEADER, null);
            return p == null ? "" : p;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Stream.of(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw message, where attachment file names (which carry the run key) appear. */
    private static String attachmentNames(MimeMessage m) {
        return GreenMailUtil.getWholeMessage(m);
    }
}
