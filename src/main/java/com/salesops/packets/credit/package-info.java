/**
 * Turning bookings into credit lines and rejects (DESIGN §4.2, §4.9), and keeping them in the app database.
 */
package com.salesops.packets.credit;
