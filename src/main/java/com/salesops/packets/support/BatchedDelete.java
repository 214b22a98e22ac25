package com.salesops.packets.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes a run's rows a batch at a time ({@code DELETE ... WHERE run_key = ? LIMIT ?} until fewer
 * than a batch go): each statement commits on its own (auto-commit), so deleting millions of rows
 * never holds row locks, or fills the undo log, for longer than one batch. MySQL, MariaDB and H2
 * (MySQL mode) all accept {@code LIMIT} on a single-table DELETE.
 */
public final class BatchedDelete {

    private BatchedDelete() {
    }

    /**
     * Runs {@code sql} — a DELETE with exactly two parameters, the run key and the batch size
     * ({@code ... WHERE run_key = ? LIMIT ?}) — until it deletes fewer rows than a batch.
     *
     * @return how many rows it deleted in all
     */
    public static long deleteAll(JdbcTemplate jdbc, String sql, String runKey, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a transaction every batch would join it and the locks would last until its end
            throw new IllegalStateException("batched delete called inside a transaction: " + sql);
        }
        long deleted = 0;
        int n;
        do {
            n = jdbc.update(sql, runKey, batchSize);
            deleted += n;
        } while (n >= batchSize);
        return deleted;
    }

    /** Each table's rows of the run (table → rows), in the order given: a {@link RunRows} store's count. */
    public static Map<String, Long> countRun(JdbcTemplate jdbc, List<String> tables, String runKey) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_key = ?", Long.class, runKey);
            rows.put(table, n == null ? 0 : n);
        }
        return rows;
    }

    /** Deletes the run's rows from each table in the order given, a batch at a time (table → rows deleted). */
    public static Map<String, Long> deleteRun(JdbcTemplate jdbc, List<String> tables, String runKey, int batchSize) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, deleteAll(jdbc, "DELETE FROM " + table + " WHERE run_key = ? LIMIT ?", runKey, batchSize));
        }
        return rows;
    }
}
