package com.salesops.packets.run;

/** Exit codes cron sees (docs/architecture.md, "Operations"). */
public final class ExitCodes {

    public static final int COMPLETED = 0;
    public static final int FAILED = 1;
    public static final int USAGE_OR_CONFIG = 2;
    public static final int REFUSED = 3;

    private ExitCodes() {
    }
}
