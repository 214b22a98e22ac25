package com.salesops.packets.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SourceSchemaTest {

    private static final List<String> TABLES = List.of("booking", "booking_credit", "employee", "fx_rate",
            "rep_quota", "sales_team", "team_membership", "team_quota");

    @Test
    void scriptSplitsIntoOneStatementPerTableAndIndex() {
        // given the shipped script

        // when
        List<String> statements = SourceSchema.statements();

        // then 8 tables and 6 indexes, no comment or trailing semicolon left
        assertThat(statements).hasSize(14);
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE")).hasSize(8);
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE INDEX")).hasSize(6);
        assertThat(statements).noneMatch(s -> s.contains("--") || s.endsWith(";"));
    }

    @Test
    void schemaRunsOnMariaDbAndAcceptsDuplicateCreditRows() throws SQLException {
        try (TestDatabases.MariaDb db = TestDatabases.mariaDb()) {
            // given a fresh database

            // when
            SourceSchema.create(db.dataSource());

            // then
            assertThat(tables(db.dataSource())).containsExactlyElementsOf(TABLES);
            assertDuplicateCreditsAndQuotedMonthWork(db.dataSource());
        }
    }

    @Test
    void schemaRunsOnH2InMySqlModeAndAcceptsDuplicateCreditRows() throws SQLException {
        // given
        DataSource h2 = TestDatabases.h2InMemory();

        // when
        SourceSchema.create(h2);

        // then
        assertThat(tables(h2)).containsExactlyElementsOf(TABLES);
        assertDuplicateCreditsAndQuotedMonthWork(h2);
    }

    private static void assertDuplicateCreditsAndQuotedMonthWork(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO booking_credit VALUES ('BK-1', 'E1', 'PRIMARY', 50.00)");
            s.execute("INSERT INTO booking_credit VALUES ('BK-1', 'E1', 'PRIMARY', 50.00)");
            s.execute("INSERT INTO rep_quota (employee_id, `month`, amount, currency) VALUES ('E1', '2026-01-01', 1.00, 'USD')");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(split_percent) FROM booking_credit")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("100.00");
            }
            try (ResultSet rs = s.executeQuery("SELECT `month` FROM rep_quota")) {
                rs.next();
                assertThat(rs.getObject(1, java.time.LocalDate.class)).isEqualTo("2026-01-01");
            }
        }
    }

    private static List<String> tables(DataSource ds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("information_schema")) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        names.sort(null);
        return names;
    }
}
