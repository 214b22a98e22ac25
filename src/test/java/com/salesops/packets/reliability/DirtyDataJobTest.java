package com.salesops.packets.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.JobFixture;
import com.salesops.packets.testing.CsvFile;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dirty source data through the whole job (MariaDB, outbox mail): each class ends as a reject, a
 * start-up error naming the problem, or a listed exception in the run summary — never a crash or a
 * silent loss. Base data: {@code fixtures/small-org.sql} (see EndToEndJobTest for its figures).
 */
class DirtyDataJobTest {

    @RegisterExtension
    final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");

    private static final String KEY = "nightly-2026-11-26";

    @Test
    void hierarchyWithCycleFailsTheFirstStepNamingTheTeamsAndCreditsNothing() {
        // given region -> team-a -> region
        fixture.sourceDb().runSql("UPDATE sales_team SET parent_team_id = 'team-a' WHERE team_id = 'region';");

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(fixture.job().lastExitMessage()).contains("cycle", "region", "team-a");
        assertThat(failedStep()).isEqualTo("prepareRunStep");
        assertThat(fixture.job().appDb().queryForObject("SELECT COUNT(*) FROM credit_line", Long.class)).isZero();
    }

    @Test
    void teamWhoseParentDoesNotExistFailsNamingTeamAndParent() {
        // given
        fixture.sourceDb().runSql("UPDATE sales_team SET parent_team_id = 'nowhere' WHERE team_id = 'team-b';");

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(fixture.job().lastExitMessage()).contains("team-b", "nowhere");
        assertThat(failedStep()).isEqualTo("prepareRunStep");
    }

    @Test
    void quotaInCurrencyWithoutRateFailsNamingEmployeeMonthAndCurrency() {
        // given
        fixture.sourceDb().runSql("INSERT INTO rep_quota (employee_id, `month`, amount, currency) VALUES ('R2', '2026-11-01', 100.00, 'CHF');");

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(fixture.job().lastExitMessage()).contains("R2", "CHF", "2026-11");
        assertThat(failedStep()).isEqualTo("prepareRunStep");
    }

    @Test
    void managerWithoutEmailGetsPacketButNoEmailAndIsListedInTheSummary() throws Exception {
        // given
        fixture.sourceDb().runSql("UPDATE employee SET email = NULL WHERE employee_id = 'MB';");

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then
        assertThat(exit).isZero();
        assertThat(fixture.job().runDir(KEY).resolve("packets/team-b/team-b-" + KEY + ".pdf")).isNotEmptyFile();
        assertThat(emails()).hasSize(2);
        assertThat(Files.readString(fixture.job().runDir(KEY).resolve("run-summary.json"))).contains("\"team-b (MB)\"");
    }

    @Test
    void managerIdNamingNoEmployeeGetsNoPacketAndIsListedInTheSummary() throws Exception {
        // given
        fixture.sourceDb().runSql("UPDATE sales_team SET manager_id = 'GHOST' WHERE team_id = 'team-b';");

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then
        assertThat(exit).isZero();
        assertThat(fixture.job().runDir(KEY).resolve("packets/team-b")).doesNotExist();
        assertThat(emails()).hasSize(2);
        assertThat(Files.readString(fixture.job().runDir(KEY).resolve("run-summary.json")))
                .contains("\"teamsWithUnknownManager\" : [ \"team-b\" ]");
    }

    @Test
    void overlappingMembershipsRejectTheBookingsOnOverlapDaysAsAmbiguous() throws Exception {
        // given R1 is also a member of team-b from 2026-11-01: B1 (11-10) and B2 (11-05) fall on overlap days
        fixture.sourceDb().runSql("INSERT INTO team_membership (employee_id, team_id, role, valid_from, valid_to) "
                + "VALUES ('R1', 'team-b', 'REP', '2026-11-01', NULL);");

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then
        assertThat(exit).isZero();
        CsvFile rejects = CsvFile.read(fixture.job().runDir(KEY).resolve("rejects.csv"));
        assertThat(rejects.rows()).extracting(r -> r.get("booking_id") + " " + r.get("reason"))
                .containsExactly("B1 AMBIGUOUS_TEAM", "B2 AMBIGUOUS_TEAM", "B5 UNKNOWN_EMPLOYEE", "B6 SPLIT_SUM");
        // the rep row goes to the membership with the latest valid_from that covers D (docs/numbers.md §5)
        CsvFile attainment = CsvFile.read(fixture.job().runDir(KEY).resolve("attainment.csv"));
        assertThat(attainment.row("window", "MONTH", "node_id", "R1").get("team_id")).isEqualTo("team-b");
        assertThat(Files.readString(fixture.job().runDir(KEY).resolve("run-summary.json"))).contains("\"holds\" : true",
                "\"read\" : 6", "\"rejected\" : 4");
    }

    @Test
    void hostileTextIsKeptLiterallyInCsvWorkbookAndEmailHeaders() throws Exception {
        // given formula prefixes, CR/LF, quotes, HTML, right-to-left text, emoji and a 500-character account
        String hostileName = "=HYPERLINK(\"http://x\",\"y\") \"Quote\", <b>bold</b>\r\nשלום 😀";
        String longAccount = "A".repeat(200) + "🚀" + "B".repeat(298);
        // the contract's account_name is VARCHAR(200); a company's own view may return longer text
        fixture.sourceDb().runSql("ALTER TABLE booking MODIFY account_name VARCHAR(1000) NOT NULL;");
        try (Connection c = fixture.sourceDb().dataSource().getConnection()) {
            update(c, "UPDATE employee SET full_name = ? WHERE employee_id = 'R1'", hostileName);
            update(c, "UPDATE booking SET account_name = ? WHERE booking_id = 'B1'", "@SUM(A1)");
            update(c, "UPDATE booking SET account_name = ? WHERE booking_id = 'B2'", longAccount);
            update(c, "UPDATE sales_team SET name = ? WHERE team_id = 'team-a'", "West\r\nBcc: x@evil.example");
        }

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then the CSV quotes the name and reads back exactly
        assertThat(exit).isZero();
        CsvFile attainment = CsvFile.read(fixture.job().runDir(KEY).resolve("attainment.csv"));
        assertThat(attainment.row("window", "MONTH", "node_id", "R1").get("node_name")).isEqualTo(hostileName);
        // the workbook holds the accounts as literal text, never as formulas
        Path xlsx = fixture.job().runDir(KEY).resolve("packets/team-a/team-a-" + KEY + ".xlsx");
        List<Cell> accountCells = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet deals = wb.getSheet("Deals");
            for (Row row : deals) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING
                            && (cell.getStringCellValue().equals("@SUM(A1)") || cell.getStringCellValue().equals(longAccount))) {
                        accountCells.add(cell);
                    }
                }
            }
        }
        assertThat(accountCells).extracting(Cell::getStringCellValue).contains("@SUM(A1)", longAccount);
        // and the team name cannot add a header to the email
        for (MimeMessage m : emails()) {
            assertThat(m.getHeader("Bcc")).isNull();
            assertThat(m.getSubject()).doesNotContain("\r", "\n");
        }
    }

    @Test
    void repWithFiftyThousandDealsIsCreditedToTheCent() throws Exception {
        // given 50,000 November bookings of 100.00 USD, all R1's
        int n = 50_000;
        try (Connection c = fixture.sourceDb().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement b = c.prepareStatement("INSERT INTO booking (booking_id, booking_date, account_name, "
                    + "amount, currency, booking_type, channel, partner_name, status, cancelled_date, updated_at) "
                    + "VALUES (?, ?, 'Bulk Buyer', 100.00, 'USD', 'NEW', 'DIRECT', NULL, 'BOOKED', NULL, '2026-11-20 00:00:00')");
                 PreparedStatement k = c.prepareStatement("INSERT INTO booking_credit (booking_id, employee_id, credit_role, "
                         + "split_percent) VALUES (?, 'R1', 'PRIMARY', 100.00)")) {
                for (int i = 0; i < n; i++) {
                    String id = String.format("BULK-%06d", i);
                    b.setString(1, id);
                    b.setDate(2, Date.valueOf("2026-11-" + String.format("%02d", 1 + i % 26)));
                    b.addBatch();
                    k.setString(1, id);
                    k.addBatch();
                    if (i % 5_000 == 4_999) {
                        b.executeBatch();
                        k.executeBatch();
                    }
                }
                c.commit();
            }
        }

        // when
        int exit = fixture.job().run("run", "nightly", "--as-of", "2026-11-26");

        // then R1: 26,600.00 + 50,000 × 100.00 = 5,026,600.00 in November, 50,002 deals
        assertThat(exit).isZero();
        CsvFile attainment = CsvFile.read(fixture.job().runDir(KEY).resolve("attainment.csv"));
        assertThat(attainment.row("window", "MONTH", "node_id", "R1").get("credited")).isEqualTo("5026600.00");
        assertThat(attainment.row("window", "MONTH", "node_id", "R1").get("deal_count")).isEqualTo("50002");
        assertThat(new BigDecimal(attainment.row("window", "MONTH", "node_id", "team-a").get("credited")))
                .isEqualByComparingTo("5031000.00");
        assertThat(Files.readString(fixture.job().runDir(KEY).resolve("run-summary.json"))).contains("\"read\" : 50006",
                "\"holds\" : true");
    }

    private static void update(Connection c, String sql, String value) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }

    private String failedStep() {
        return fixture.job().appDb().queryForObject("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STATUS = 'FAILED' "
                + "ORDER BY STEP_EXECUTION_ID DESC LIMIT 1", String.class);
    }

    private List<MimeMessage> emails() throws Exception {
        Path outbox = fixture.job().runDir(KEY).resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return Collections.emptyList();
        }
        List<MimeMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
        }
        return messages;
    }
}
