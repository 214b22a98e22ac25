/**
 * Generated demo data for the source database (docs/architecture.md, "Source data"): an org with regions, teams, managers,
 * reps and overlay specialists, quotas, FX rates and a stream of bookings with splits, overlays,
 * cancellations, period-end pull-ins, org changes and a few dirty rows for every reject reason
 * (docs/numbers.md §9). Deterministic for a seed and an as-of date; inserts are streamed in JDBC batches.
 */
package com.salesops.packets.demo;
