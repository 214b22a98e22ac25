package com.salesops.packets.support;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store whose tables hold rows per run key. Retention counts and removes one run's rows through
 * it, so each table is deleted by the package that owns it. A new per-run table joins retention by
 * its owner implementing this (the store being a bean): {@code purge} finds every bean of this type.
 */
public interface RunRows {

    /** The tables a store holds rows per run key in (column {@code run_key}), in the order a purge deletes them. */
    record RunTables(JdbcTemplate jdbc, List<String> names) {

        public RunTables {
            names = List.copyOf(names);
        }
    }

    /** This store's per-run tables. */
    RunTables runTables();

    /** The run's rows in each table this store owns (table name → rows), in the order {@link #deleteRun} deletes. */
    default Map<String, Long> countRun(String runKey) {
        RunTables t = runTables();
        return BatchedDelete.countRun(t.jdbc(), t.names(), runKey);
    }

    /**
     * Deletes the run's rows from every table this store owns, at most {@code batchSize} rows per
     * statement, each statement its own transaction (see {@link BatchedDelete}), so no lock is held for
     * long; returns table name → rows deleted.
     */
    default Map<String, Long> deleteRun(String runKey, int batchSize) {
        RunTables t = runTables();
        return BatchedDelete.deleteRun(t.jdbc(), t.names(), runKey, batchSize);
    }
}
