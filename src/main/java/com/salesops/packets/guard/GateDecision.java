package com.salesops.packets.guard;

/** What the delivery gate decided for one execution of a run. */
public enum GateDecision {
    /** No rule held the run: the deliver step sends. */
    PASSED,
    /** A rule held the run: nothing is sent until a person releases it (or the run is recomputed). */
    HELD,
    /** A rule would hold the run, but a person released it: the deliver step sends. */
    RELEASED
}
