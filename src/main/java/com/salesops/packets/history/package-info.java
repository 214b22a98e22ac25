/**
 * The run history: which run keys completed, when, with how many rows, and which were purged. It
 * answers "what is this run's previous run" (DESIGN §4.10) and feeds retention (§6.1). Owns the
 * {@code run_history} table; asks the credit and attainment stores for their row counts.
 */
package com.salesops.packets.history;
