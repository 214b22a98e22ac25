package com.salesops.packets.source;

import com.salesops.packets.calendar.FiscalCalendar;
import com.salesops.packets.calendar.RunKeys;
import com.salesops.packets.calendar.RunPlan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plan and organisation of a run, loaded from the source once per JVM and run key: every step
 * of one execution sees the same org, and a restart in a new JVM reads it afresh.
 */
public final class RunContexts {

    /** What every step of a run works from. */
    public record RunContext(RunPlan plan, Org org) {
    }

    private final FiscalCalendar calendar;
    private final SourceReader source;
    private final String baseCurrency;
    private final Map<String, RunContext> loaded = new ConcurrentHashMap<>();

    public RunContexts(FiscalCalendar calendar, SourceReader source, String baseCurrency) {
        this.calendar = calendar;
        this.source = source;
        this.baseCurrency = baseCurrency;
    }

    public RunContext get(String runKey) {
        return loaded.computeIfAbsent(runKey, k -> {
            RunPlan plan = RunKeys.plan(k, calendar);
            return new RunContext(plan, source.loadOrg(plan, baseCurrency));
        });
    }

    /** Lets go of every loaded run (a worker between partitions: the next one reads its run afresh). */
    public void forgetAll() {
        loaded.clear();
    }

    /** The plan of a run key; an IllegalArgumentException names what is wrong with a bad key. */
    public RunPlan plan(String runKey) {
        return RunKeys.plan(runKey, calendar);
    }
}
