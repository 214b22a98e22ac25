package com.salesops.packets.support;

/**
 * Where a long step announces how many items it will process, so the run's progress log can show
 * done/total and an ETA: a long in the step's execution context under {@link #TOTAL}.
 */
public final class Progress {

    public static final String TOTAL = "progress.total";

    private Progress() {
    }
}
