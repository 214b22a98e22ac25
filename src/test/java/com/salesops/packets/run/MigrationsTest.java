package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.MariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The app schema migrations run on MariaDB and on H2 in MySQL mode, and create every table the job uses. */
class MigrationsTest {

    private static final List<String> TABLES = List.of("credit_line", "team_day", "booking_reject",
            "node_result", "node_month", "attainment_flag", "packet", "delivery", "run_lock", "run_history",
            "partition_claim", "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION_CONTEXT");

    @Test
    void migrationsCreateEveryTableOnMariaDb() {
        // given
        try (MariaDb db = MariaDb.create("ap_mig")) {
            // when
            int applied = migrate(db.dataSource(), "mysql");

            // then
            assertThat(applied).isEqualTo(migrationFiles("mysql"));
            assertTablesUsable(db.dataSource());
            assertThat(migrate(db.dataSource(), "mysql")).as("a second migrate applies nothing").isZero();
        }
    }

    @Test
    void migrationsCreateEveryTableOnH2InMySqlMode(@TempDir Path dir) {
        // given
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("app") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                "sa", "");

        // when
        int applied = migrate(h2, "h2");

        // then
        assertThat(applied).isEqualTo(migrationFiles("h2"));
        assertTablesUsable(h2);
    }

    private static int migrate(DataSource ds, String vendor) {
        return Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate().migrationsExecuted;
    }

    private static void assertTablesUsable(DataSource ds) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        for (String table : TABLES) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).as(table).isZero();
        }
        // the ledger refuses a second row for the same email
        jdbc.update("INSERT INTO delivery (run_key, team_id, recipient, purpose, status, attempts, message_id, created_at, "
                + "updated_at) VALUES ('k', 't', 'r@example.com', 'RUN', 'PENDING', 0, '<m>', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DataIntegrityViolationException.class,
                () -> jdbc.update("INSERT INTO delivery (run_key, team_id, recipient, purpose, status, attempts, message_id, "
                        + "created_at, updated_at) VALUES ('k', 't', 'r@example.com', 'RUN', 'PENDING', 0, '<m>', "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
    }

    /** Every V*.sql of the common and the vendor folder: each must be applied, none skipped. */
    private static int migrationFiles(String vendor) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            return resolver.getResources("classpath:db/migration/common/V*.sql").length
                    + resolver.getResources("classpath:db/migration/" + vendor + "/V*.sql").length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
