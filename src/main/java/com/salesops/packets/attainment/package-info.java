/**
 * The numbers (DESIGN §4.3–4.7): quota, attainment, pacing, ranks, distribution, comp estimate and flags, as plain Java.
 */
package com.salesops.packets.attainment;
