/**
 * The PDF packet (docs/architecture.md, "Outputs"): turns one {@link com.salesops.packets.packet.Packet} into
 * a PDF with the JasperReports templates under {@code reports/}. Templates are compiled once per writer; all
 * numbers are formatted here (Locale.US, HALF_UP) so the templates only place text and charts.
 */
package com.salesops.packets.packet.pdf;
