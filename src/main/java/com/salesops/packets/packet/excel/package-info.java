/**
 * Renders one manager's {@link com.salesops.packets.packet.Packet} as an Excel workbook (docs/architecture.md,
 * "Outputs"): Summary, Changes, Trend, Reps, Deals (streamed, so a VP packet of hundreds of thousands of lines
 * fits in a small heap), Flags and a Chart sheet. Numbers are real numeric cells rounded as in attainment.csv,
 * and source text is always written as literal text, never as a formula.
 */
package com.salesops.packets.packet.excel;
