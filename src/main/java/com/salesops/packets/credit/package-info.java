/**
 * Crediting (docs/numbers.md §2, §9): turns each booking the run read into credit lines per employee
 * (splits, overlays, FX, cancellations) or one reject with its reason, and checks that the lines
 * reconcile with the booking.
 */
package com.salesops.packets.credit;
