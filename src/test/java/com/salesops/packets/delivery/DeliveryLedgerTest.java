package com.salesops.packets.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.MariaDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The delivery ledger on MariaDB: a run's PENDING rows made at once, and never a second row for an email. */
class DeliveryLedgerTest {

    private static final String RUN = "nightly-2026-11-26";

    private MariaDb db;
    private DeliveryLedger ledger;

    @BeforeEach
    void createAppTables() {
        db = MariaDb.createWithAppTables("ap_ledger");
        ledger = new DeliveryLedger(db.dataSource(), new DataSourceTransactionManager(db.dataSource()));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aRunsRowsAreMadePendingInOneCommitAndRowsThatExistAreLeftAsTheyAre() throws Exception {
        // given: one of 300 emails already has its row, and it was sent
        Delivery sent = ledger.ensure(RUN, "team-007", "m7@example.com", DeliveryPurpose.RUN, "<id-7@x>");
        ledger.markSent(sent.id(), 1);
        List<DeliveryLedger.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            wanted.add(new DeliveryLedger.Wanted(String.format("team-%03d", i), "m" + i + "@example.com",
                    "<id-" + i + "@x>"));
        }
        long commitsBefore = serverStatus("Com_commit");

        // when
        ledger.ensureAll(RUN, DeliveryPurpose.RUN, wanted);

        // then: one commit; 299 new PENDING rows with their Message-IDs, the sent one untouched
        assertThat(serverStatus("Com_commit") - commitsBefore).isEqualTo(1);
        List<Delivery> rows = ledger.all(RUN, DeliveryPurpose.RUN);
        assertThat(rows).hasSize(300);
        assertThat(rows).filteredOn(d -> d.status() == DeliveryStatus.PENDING).hasSize(299)
                .allSatisfy(d -> assertThat(d.messageId())
                        .isEqualTo("<id-" + Integer.parseInt(d.teamId().substring(5)) + "@x>"));
        assertThat(rows).filteredOn(d -> d.status() == DeliveryStatus.SENT).singleElement()
                .satisfies(d -> {
                    assertThat(d.id()).isEqualTo(sent.id());
                    assertThat(d.attempts()).isEqualTo(1);
                });

        // when: the same emails again (a restarted deliver step), and the same ones for another purpose
        ledger.ensureAll(RUN, DeliveryPurpose.RUN, wanted);
        ledger.ensureAll(RUN, DeliveryPurpose.ofRun(1), wanted.subList(0, 2));

        // then: no second row for any email of a purpose
        assertThat(ledger.all(RUN, DeliveryPurpose.RUN)).hasSize(300);
        assertThat(ledger.all(RUN, DeliveryPurpose.ofRun(1))).hasSize(2);
    }

    /** A global status counter of the server (all sessions; the tests run one at a time). */
    private long serverStatus(String name) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
