/**
 * Typed configuration: the {@code packets.*} keys of docs/architecture.md, "Operations", validated at start-up, and the
 * translation of those keys into the plain settings the maths takes.
 */
package com.salesops.packets.config;
