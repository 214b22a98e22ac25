/**
 * The Spring Batch job and its steps, run keys, launching and restarting, the CSV outputs and the run summary.
 */
package com.salesops.packets.run;
