package com.salesops.packets.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/** A parsed command line (the job's own words; Spring's --key=value arguments travel separately). */
public sealed interface Command {

    /** {@code allowFuture}: an as-of after today is meant (else refused, exit 2). */
    record RunNightly(Optional<LocalDate> asOf, boolean rerun, boolean allowFuture) implements Command {
    }

    /** No month: the last closed month (the one before today in packets.timezone). */
    record RunMonthly(Optional<YearMonth> month, boolean rerun, boolean allowFuture) implements Command {
    }

    /** Lets a HELD run's deliver step send (after a person looked at why it was held). */
    record Release(long executionId) implements Command {
    }

    record Status(int last, Optional<String> runKey) implements Command {
    }

    /** No execution id: the most recent FAILED or STOPPED execution ({@code --last-failed}). */
    record Restart(Optional<Long> executionId) implements Command {
    }

    record Recover(long executionId) implements Command {
    }

    record ValidateConfig() implements Command {
    }

    /** Sends one rendered packet of a run again, on purpose. */
    record Resend(String runKey, String teamId) implements Command {
    }

    /**
     * Removes the runs past retention (docs/architecture.md, "Retention"); with {@code dryRun} only says
     * what it would remove.
     */
    record Purge(boolean dryRun) implements Command {
    }

    /** A long-running process that renders partitions of remote runs until SIGTERM. */
    record Worker() implements Command {
    }

    record Demo(long seed) implements Command {
    }

    record Help(String text) implements Command {
    }
}
