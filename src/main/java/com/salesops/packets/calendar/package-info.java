/**
 * Fiscal calendar and run windows (docs/numbers.md §1): months, quarters, years, the as-of date and the read range of a run.
 */
package com.salesops.packets.calendar;
