package com.salesops.packets.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/** A parsed command line (the job's own words; Spring's --key=value arguments travel separately). */
public sealed interface Command {

    record RunNightly(Optional<LocalDate> asOf, boolean rerun) implements Command {
    }

    record RunMonthly(YearMonth month, boolean rerun) implements Command {
    }

    /** Sends one rendered packet of a run again, on purpose. */
    record Resend(String runKey, String teamId) implements Command {
    }

    record Demo(long seed) implements Command {
    }

    record Help(String text) implements Command {
    }
}
