package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.salesops.packets.testing.CsvFile;
import com.salesops.packets.testing.JobFixture;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole job through the command line, on the real MariaDB (source and app as two databases)
 * and a real SMTP server (GreenMail), with the small fixture of {@code fixtures/small-org.sql}.
 *
 * <p>As of 2026-11-26 (calendar fiscal year): MONTH = Nov (30 days, 26 elapsed → expected 86.67 %),
 * QUARTER = Oct–Dec (92 days, 57 elapsed → 61.96 %), YEAR = 2026. EUR rate 1.10 (January's rate
 * carries forward). Credit lines:
 * <ul>
 * <li>B1 20,000 USD, R1 100 % → R1 20,000.00 (team-a, Nov)</li>
 * <li>B2 10,000 EUR, R1 60 % / R2 40 % → 10,000 × 0.6 × 1.10 = 6,600.00 and × 0.4 × 1.10 = 4,400.00 (team-a, Nov)</li>
 * <li>B3 3,000 EUR, R3 → 3,300.00 (team-b, Oct)</li>
 * <li>B4 5,000 USD, R3, cancelled 2026-11-22 → +5,000.00 and −5,000.00, both in Nov: nets to 0</li>
 * <li>B5 credits unknown employee R9 → reject UNKNOWN_EMPLOYEE; B6 PRIMARY splits 90 % → reject SPLIT_SUM</li>
 * <li>B7 is dated after D and not cancelled: not read at all</li>
 * </ul>
 * Quotas per month: R1 10,000 USD, R2 8,000 USD, R3 5,000 EUR = 5,500.00 USD.
 */
class EndToEndJobTest {

    @RegisterExtension
    // a free port: other test runs on the same machine may hold GreenMail's fixed 3025
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    @BeforeEach
    void mail() {
        fixture.job().with("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort());
    }

    @Test
    void nightlyRunCreditsRejectsComputesRendersAndEmailsEachManagerOnce() throws Exception {
        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then: the run completed
        assertThat(exit).isZero();
        Path run = fixture.job().runDir("nightly-2026-11-26");
        CsvFile attainment = CsvFile.read(run.resolve("attainment.csv"));

        // MONTH, reps: R1 26,600 / 10,000 = 266.00 %; pace 266 / 86.666… = 3.069… → 3.07; projected 306.92
        assertRow(attainment, "MONTH", "REP", "R1", "10000.00", "26600.00", "266.00", "ON_PACE", "0.00", "2");
        // R2 4,400 / 8,000 = 55.00 %; pace 55 / 86.666… = 0.6346 → 0.63 BEHIND; gap 3,600.00
        assertRow(attainment, "MONTH", "REP", "R2", "8000.00", "4400.00", "55.00", "BEHIND", "3600.00", "1");
        // R3 +5,000 − 5,000 = 0.00 of 5,500.00; B4 still counts as a deal (cancelled inside the window)
        assertRow(attainment, "MONTH", "REP", "R3", "5500.00", "0.00", "0.00", "BEHIND", "5500.00", "1");
        // teams: team-a 31,000 / 18,000 = 172.22 %; team-b 0 / 5,500; region 31,000 / 23,500 = 131.91 %
        assertRow(attainment, "MONTH", "TEAM", "team-a", "18000.00", "31000.00", "172.22", "ON_PACE", "0.00", "2");
        assertRow(attainment, "MONTH", "TEAM", "team-b", "5500.00", "0.00", "0.00", "BEHIND", "5500.00", "1");
        assertRow(attainment, "MONTH", "TEAM", "region", "23500.00", "31000.00", "131.91", "ON_PACE", "0.00", "3");
        assertThat(attainment.row("window", "MONTH", "node_id", "R1").get("expected_pct")).isEqualTo("86.67");
        assertThat(attainment.row("window", "MONTH", "node_id", "R1").get("pace_index")).isEqualTo("3.07");
        assertThat(attainment.row("window", "MONTH", "node_id", "R1").get("projected_pct")).isEqualTo("306.92");
        assertThat(attainment.row("window", "MONTH", "node_id", "team-a").get("team_id")).isEqualTo("region");
        assertThat(attainment.row("window", "MONTH", "node_id", "region").get("team_id")).isEmpty();

        // QUARTER: R1 26,600 / 30,000 = 88.67 %; R3 3,300 / 16,500 = 20.00 %; region 34,300 / 70,500 = 48.65 %
        assertThat(attainment.row("window", "QUARTER", "node_id", "R1").get("attainment_pct")).isEqualTo("88.67");
        assertThat(attainment.row("window", "QUARTER", "node_id", "R3").get("credited")).isEqualTo("3300.00");
        assertThat(attainment.row("window", "QUARTER", "node_id", "R3").get("attainment_pct")).isEqualTo("20.00");
        assertThat(attainment.row("window", "QUARTER", "node_id", "region").get("quota")).isEqualTo("70500.00");
        assertThat(attainment.row("window", "QUARTER", "node_id", "region").get("attainment_pct")).isEqualTo("48.65");
        assertThat(attainment.row("window", "QUARTER", "node_id", "R1").get("expected_pct")).isEqualTo("61.96");
        // YEAR: R1 26,600 / 120,000 = 22.17 %; R2 4,400 / 96,000 = 4.58 %; R3 3,300 / 66,000 = 5.00 %
        assertThat(attainment.row("window", "YEAR", "node_id", "R1").get("attainment_pct")).isEqualTo("22.17");
        assertThat(attainment.row("window", "YEAR", "node_id", "R2").get("attainment_pct")).isEqualTo("4.58");
        assertThat(attainment.row("window", "YEAR", "node_id", "R3").get("quota")).isEqualTo("66000.00");
        assertThat(attainment.row("window", "YEAR", "node_id", "R3").get("attainment_pct")).isEqualTo("5.00");
        // 3 windows × (3 teams + 3 reps)
        assertThat(attainment.rows()).hasSize(18);

        // rejects: exactly B5 and B6, source amount and currency unconverted
        CsvFile rejects = CsvFile.read(run.resolve("rejects.csv"));
        assertThat(rejects.header()).containsExactly("run_key", "booking_id", "reason", "detail", "amount", "currency");
        assertThat(rejects.rows()).extracting(r -> r.get("booking_id") + " " + r.get("reason") + " " + r.get("amount")
                + " " + r.get("currency")).containsExactly("B5 UNKNOWN_EMPLOYEE 1234.56 USD", "B6 SPLIT_SUM 2000.00 EUR");

        // the app database holds the same: 4 credited bookings, 6 lines (B2 has two, B4 a reversal)
        JdbcTemplate appDb = fixture.job().appDb();
        assertThat(appDb.queryForObject("SELECT COUNT(DISTINCT booking_id) FROM credit_line", Long.class)).isEqualTo(4);
        assertThat(appDb.queryForObject("SELECT COUNT(*) FROM credit_line", Long.class)).isEqualTo(6);
        assertThat(appDb.queryForObject("SELECT SUM(amount_base) FROM credit_line", java.math.BigDecimal.class))
                .isEqualByComparingTo("34300.00");

        // run-summary: 6 read = 4 credited + 2 rejected, invariant holds, 3 packets sent
        String summary = Files.readString(run.resolve("run-summary.json"));
        assertThat(summary).contains("\"read\" : 6", "\"credited\" : 4", "\"rejected\" : 2", "\"holds\" : true",
                "\"rendered\" : 3", "\"sent\" : 3");

        // every team with a manager got an .xlsx and a .pdf
        for (String team : List.of("region", "team-a", "team-b")) {
            Path dir = run.resolve("packets").resolve(team);
            assertThat(dir.resolve(team + "-nightly-2026-11-26.xlsx")).isNotEmptyFile();
            assertThat(dir.resolve(team + "-nightly-2026-11-26.pdf")).isNotEmptyFile();
        }

        // and exactly one email each, to its manager, with both files attached
        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, List<String>> attachmentsByRecipient = new TreeMap<>();
        for (MimeMessage m : received) {
            List<String> names = new ArrayList<>();
            Multipart parts = (Multipart) m.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).getFileName() != null) {
                    names.add(parts.getBodyPart(i).getFileName());
                }
            }
            attachmentsByRecipient.put(m.getAllRecipients()[0].toString(), names);
        }
        assertThat(received).hasSize(3);
        assertThat(attachmentsByRecipient).containsExactly(
                Map.entry("arjun.mehta@example.com", List.of("team-a-nightly-2026-11-26.pdf", "team-a-nightly-2026-11-26.xlsx")),
                Map.entry("bianca.rossi@example.com", List.of("team-b-nightly-2026-11-26.pdf", "team-b-nightly-2026-11-26.xlsx")),
                Map.entry("vera.okafor@example.com", List.of("region-nightly-2026-11-26.pdf", "region-nightly-2026-11-26.xlsx")));
        assertThat(received).extracting(MimeMessage::getSubject).contains(
                "Performance packet · Team Alpha · Nov 2026 MTD 172.22 %"); // 31,000 / 18,000, as attainment.csv prints it

        // and running the same key again is refused without sending anything
        assertThat(fixture.job().run("run", "nightly", "--as-of", "2026-11-26")).isEqualTo(3);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    private static void assertRow(CsvFile csv, String window, String level, String node, String quota, String credited,
                                  String attainment, String pace, String gap, String deals) {
        Map<String, String> row = csv.row("window", window, "level", level, "node_id", node);
        assertThat(List.of(row.get("quota"), row.get("credited"), row.get("attainment_pct"), row.get("pace_status"),
                row.get("gap_to_quota"), row.get("deal_count")))
                .as("%s %s %s: quota, credited, attainment, pace, gap, deals", window, level, node)
                .containsExactly(quota, credited, attainment, pace, gap, deals);
    }
}
