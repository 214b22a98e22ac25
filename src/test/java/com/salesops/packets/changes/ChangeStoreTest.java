package com.salesops.packets.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.credit.CreditRole;
import com.salesops.packets.testing.MariaDb;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's changed lines held in memory give each packet exactly what the database's queries give: the
 * same count, the same lines and the same order for every kind, whether a line is the packet's by its
 * team or by its previous team (docs/performance.md, "Changed lines read once a run").
 */
class ChangeStoreTest {

    private static final String RUN = "nightly-2026-11-26";

    private MariaDb db;
    private ChangeStore store;

    @BeforeEach
    void createAppTables() {
        db = MariaDb.createWithAppTables("ap_change_store");
        store = new ChangeStore(db.dataSource());
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void heldLinesGiveEveryPacketWhatTheQueriesGive() {
        // given: 3,000 changed lines over six teams, a tenth of them moved from another team, amounts
        // from a small set so that many changes tie and the ids decide the order
        Random random = new Random(20261208);
        List<ChangedLine> lines = new ArrayList<>();
        String[] teams = {"t1", "t2", "t3", "t4", "t5", "t6"};
        for (int i = 0; i < 3_000; i++) {
            ChangeKind kind = ChangeKind.values()[random.nextInt(ChangeKind.values().length)];
            String team = teams[random.nextInt(teams.length)];
            Optional<String> previous = random.nextInt(10) == 0 ? Optional.of(teams[random.nextInt(teams.length)])
                    : Optional.empty();
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(40) - 20, 0).multiply(new BigDecimal("12.50"))
                    .setScale(2);
            Optional<BigDecimal> before = kind == ChangeKind.RESTATED && random.nextBoolean()
                    ? Optional.of(amount.add(BigDecimal.TEN)) : Optional.empty();
            lines.add(new ChangedLine(kind, new ChangedDeal(String.format("B%05d", random.nextInt(100_000)) + i,
                    "Account " + i, "E" + random.nextInt(50), CreditRole.PRIMARY, team, previous),
                    LocalDate.of(2026, 11, 1 + random.nextInt(26)), before, Optional.of(amount), random.nextBoolean()));
        }
        store.saveLines(RUN, lines);

        // when
        ChangeStore.HeldLines held = store.held(RUN).orElseThrow();

        // then: for packets of one team, of a few and of all of them
        for (Set<String> packet : List.of(Set.of("t1"), Set.of("t2", "t3"), Set.of("t4", "t5", "t6"),
                Set.of(teams))) {
            ChangedLines memory = held.of(packet);
            for (ChangeKind kind : ChangeKind.values()) {
                List<ChangedLine> fromDatabase = new ArrayList<>();
                store.forEachLine(RUN, packet, kind, fromDatabase::add);
                List<ChangedLine> fromMemory = new ArrayList<>();
                memory.forEach(kind, fromMemory::add);

                assertThat(fromMemory).as("%s %s", packet, kind).isNotEmpty().containsExactlyElementsOf(fromDatabase);
                assertThat(memory.count(kind)).isEqualTo(store.countLines(RUN, packet, kind));
                assertThat(memory.largest(kind, 7)).isEqualTo(store.largestLines(RUN, packet, kind, 7));
            }
        }
    }

    @Test
    void aRunWithMoreChangedLinesThanTheLimitIsNotHeldAndOneAtTheLimitIs() {
        // given: a store holding at most 10 lines a run; 10 lines in one run, 11 in another
        ChangeStore limited = new ChangeStore(db.dataSource(), 10);
        limited.saveLines(RUN, newLines(10));
        limited.saveLines("nightly-2026-11-27", newLines(11));

        // when / then: the packets of the second run ask the database for their lines
        assertThat(limited.held(RUN)).hasValueSatisfying(h -> assertThat(h.of(Set.of("t1")).count(ChangeKind.NEW))
                .isEqualTo(10));
        assertThat(limited.held("nightly-2026-11-27")).isEmpty();
    }

    private static List<ChangedLine> newLines(int count) {
        List<ChangedLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new ChangedLine(ChangeKind.NEW, new ChangedDeal("B" + i, "Account", "E1", CreditRole.PRIMARY, "t1",
                    Optional.empty()), LocalDate.of(2026, 11, 26), Optional.empty(),
                    Optional.of(BigDecimal.ONE.setScale(2)), false));
        }
        return lines;
    }
}
