/**
 * Retention (docs/architecture.md, "Retention"): which runs are past retention, and {@code purge}, which
 * removes their rows from the job's tables (through each table's owner,
 * {@link com.salesops.packets.support.RunRows}) and their folder under the output folder. Reads the run
 * history; asks the run package, through {@link com.salesops.packets.retention.RunGuard}, whether a run
 * completed and for its run lock.
 */
package com.salesops.packets.retention;
