/**
 * The Excel workbook of a packet (DESIGN §5), written with Apache POI.
 */
package com.salesops.packets.packet.excel;
