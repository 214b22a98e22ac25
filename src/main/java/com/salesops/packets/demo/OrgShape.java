package com.salesops.packets.demo;

/**
 * How deep the generated hierarchy is. FLAT: root → 3 areas (AMER, EMEA, APAC) → first-line teams,
 * the demo's shape. DEEP: root → areas → geos → regions → first-line teams (about 6 teams a region
 * and 4 regions a geo), the shape of a large sales org: every team's lines are read by four
 * ancestor packets, and there are many mid-sized director packets. Benchmarks measure both.
 */
public enum OrgShape {
    FLAT, DEEP;

    /** First-line teams per region in the DEEP shape. */
    static final int TEAMS_PER_REGION = 6;
    /** Regions per geo in the DEEP shape. */
    static final int REGIONS_PER_GEO = 4;
}
