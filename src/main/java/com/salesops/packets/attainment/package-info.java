/**
 * The numbers (docs/numbers.md §3–7): quotas with proration and team roll-ups, attainment, pacing,
 * projection, ranks, distribution, the comp estimate and behaviour flags, computed from streamed
 * credit lines in plain Java.
 */
package com.salesops.packets.attainment;
