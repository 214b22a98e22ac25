/**
 * Generated demo data (deterministic for a seed) and the demo command.
 */
package com.salesops.packets.demo;
