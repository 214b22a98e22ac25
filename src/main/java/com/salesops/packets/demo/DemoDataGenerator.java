package com.salesops.packets.demo;

import java.time.LocalDate;
import javax.sql.DataSource;

/** Placeholder replaced by the demo branch. */
public final class DemoDataGenerator {
    public DemoDataGenerator(DemoSize size) {
    }

    public DemoSummary generate(DataSource source, LocalDate asOf) {
        throw new UnsupportedOperationException("merged from the demo branch");
    }
}
