/**
 * Wiring only (docs/architecture.md, "The job"): the Spring Batch job and its steps, the tasklets that call
 * the features, launching, restarting and recovering runs, the run lock ({@code run_lock}), graceful stop,
 * progress and the app-database watch.
 */
package com.salesops.packets.run;
