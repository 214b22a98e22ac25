/**
 * What changed since the previous run (docs/numbers.md §10): new credit and deals, cancellations, and
 * history rewritten (restated credit and deals in the span both runs reported), per rep and per
 * team, and the attainment change per window; {@code changes.csv}; what each packet shows of it.
 * The figures are plain Java over both runs' stored credit lines and results (never the source);
 * owns the {@code change_run}, {@code node_change} and {@code changed_line} tables.
 */
package com.salesops.packets.changes;
