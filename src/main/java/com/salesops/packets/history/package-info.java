/**
 * The run history: which run keys completed, when, with how many rows, and which were purged. It
 * answers "what is this run's previous run" (docs/numbers.md §10) and feeds retention (docs/architecture.md, "Retention"). Owns the
 * {@code run_history} table; asks the credit and attainment stores for their row counts.
 */
package com.salesops.packets.history;
