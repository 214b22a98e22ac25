/**
 * The numbers (docs/numbers.md §3–7, §11): quotas with proration and team roll-ups, attainment, pacing,
 * projection, ranks, distribution, the comp estimate, behaviour flags and the month-by-month figures,
 * computed from streamed credit lines in plain Java. Owns the {@code node_result}, {@code attainment_flag}
 * and {@code node_month} tables.
 */
package com.salesops.packets.attainment;
