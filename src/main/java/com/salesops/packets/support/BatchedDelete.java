package com.salesops.packets.support;

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
}
