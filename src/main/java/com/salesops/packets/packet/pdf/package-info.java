/**
 * The PDF of a packet (DESIGN §5), filled from the JasperReports templates in reports/.
 */
package com.salesops.packets.packet.pdf;
