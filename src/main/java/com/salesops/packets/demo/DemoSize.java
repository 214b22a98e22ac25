package com.salesops.packets.demo;

/** Placeholder replaced by the demo branch. */
public record DemoSize(long seed) {
    public static DemoSize small() {
        return new DemoSize(42);
    }

    public DemoSize withSeed(long seed) {
        return new DemoSize(seed);
    }
}
