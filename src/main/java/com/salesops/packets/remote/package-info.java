/**
 * Rendering on several machines (docs/architecture.md, "Remote rendering"): Spring Batch remote
 * partitioning over RabbitMQ. The manager step sends one message per render partition and polls
 * the job repository, with a watchdog for dead workers and for partitions no worker takes; {@code packets worker} processes
 * claim, run and acknowledge partitions. Owns the {@code partition_claim} table.
 */
package com.salesops.packets.remote;
