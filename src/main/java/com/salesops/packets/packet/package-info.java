/**
 * Each manager's packet: what it may contain (the subtree, docs/numbers.md §8), assembled from a run's results; and which packets are rendered.
 */
package com.salesops.packets.packet;
