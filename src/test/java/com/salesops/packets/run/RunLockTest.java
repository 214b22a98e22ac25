package com.salesops.packets.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesops.packets.testing.MariaDb;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The run lock on MariaDB: one holder per key, and a dead holder told apart from a live one. */
class RunLockTest {

    private MariaDb db;
    private RunLock lock;
    private JdbcTemplate jdbc;

    @BeforeEach
    void migrate() {
        db = MariaDb.createWithAppTables("ap_lock");
        lock = new RunLock(db.dataSource(), new DataSourceTransactionManager(db.dataSource()));
        jdbc = new JdbcTemplate(db.dataSource());
    }

    @AfterEach
    void drop() {
        lock.close();
        db.close();
    }

    @Test
    void secondAcquireOfAKeySeesTheLiveFirstHolderAndReleaseFreesIt() throws Exception {
        // given
        assertThat(lock.tryAcquire("nightly-2026-11-26")).isEmpty();
        AutoCloseable held = lock.hold("nightly-2026-11-26");
        lock.executionStarted("nightly-2026-11-26", 7);

        // when
        Optional<RunLock.Holder> second = lock.tryAcquire("nightly-2026-11-26");

        // then
        assertThat(second).isPresent();
        assertThat(second.get().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(second.get().executionId()).isEqualTo(7L);
        assertThat(second.get().alive(Instant.now())).isTrue();
        assertThat(lock.tryAcquire("monthly-2026-10")).as("another key is independent").isEmpty();
        held.close();
        assertThat(lock.tryAcquire("nightly-2026-11-26")).isEmpty();
    }

    @Test
    void holderWhoseProcessIsGoneIsDeadAndItsRowCanBeBroken() throws Exception {
        // given: a process on this host that has ended
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        insert("nightly-2026-11-26", RunLock.thisHost(), ended.pid(), Instant.now());

        // when
        RunLock.Holder holder = lock.tryAcquire("nightly-2026-11-26").orElseThrow();

        // then
        assertThat(holder.alive(Instant.now())).isFalse();
        lock.breakStale(holder);
        assertThat(lock.tryAcquire("nightly-2026-11-26")).isEmpty();
    }

    @Test
    void holderOnAnotherHostIsAliveWhileItsHeartbeatIsFresh() {
        // given
        insert("nightly-2026-11-25", "other-host", 1234, Instant.now());
        insert("nightly-2026-11-24", "other-host", 1234, Instant.now().minusSeconds(61));

        // then
        assertThat(lock.holder("nightly-2026-11-25").orElseThrow().alive(Instant.now())).isTrue();
        assertThat(lock.holder("nightly-2026-11-24").orElseThrow().alive(Instant.now())).isFalse();
    }

    private void insert(String runKey, String host, long pid, Instant heartbeat) {
        jdbc.update("INSERT INTO run_lock (run_key, execution_id, host, pid, acquired_at, heartbeat_at) "
                + "VALUES (?, NULL, ?, ?, ?, ?)", runKey, host, pid, Timestamp.from(heartbeat), Timestamp.from(heartbeat));
    }
}
