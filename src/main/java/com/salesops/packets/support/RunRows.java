package com.salesops.packets.support;

import java.util.Map;

/**
 * A store whose tables hold rows per run key. Retention counts and removes one run's rows through
 * it, so each table is deleted by the package that owns it. A new per-run table joins retention by
 * its owner implementing this (the store being a bean): {@code purge} finds every bean of this type.
 */
public interface RunRows {

    /** The run's rows in each table this store owns (table name → rows), in the order {@link #deleteRun} deletes. */
    Map<String, Long> countRun(String runKey);

    /**
     * Deletes the run's rows from every table this store owns, at most {@code batchSize} rows per
     * statement, each statement its own transaction (see {@link BatchedDelete}), so no lock is held for
     * long; returns table name → rows deleted.
     */
    Map<String, Long> deleteRun(String runKey, int batchSize);
}
