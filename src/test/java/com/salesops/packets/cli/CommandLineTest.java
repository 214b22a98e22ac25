package com.salesops.packets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line: each command's words and options, Spring's --key=value passed through, bad usage named. */
class CommandLineTest {

    @Test
    void runNightlyTakesAnAsOfDayAndPassesSpringKeysThrough() throws Exception {
        // when
        CommandLine.Parsed p = CommandLine.parse(new String[] {"run", "nightly", "--as-of", "2026-11-26",
                "--packets.output.dir=/tmp/x", "--rerun"});

        // then
        assertThat(p.command()).isEqualTo(new Command.RunNightly(Optional.of(LocalDate.of(2026, 11, 26)), true, false));
        assertThat(p.springArgs()).containsExactly("--packets.output.dir=/tmp/x");
    }

    @Test
    void runMonthlyMonthIsOptional() throws Exception {
        assertThat(CommandLine.parse(new String[] {"run", "monthly"}).command())
                .isEqualTo(new Command.RunMonthly(Optional.empty(), false, false));
        assertThat(CommandLine.parse(new String[] {"run", "monthly", "--month=2026-10"}).command())
                .isEqualTo(new Command.RunMonthly(Optional.of(YearMonth.of(2026, 10)), false, false));
    }

    @Test
    void statusRestartRecoverAndValidateConfigParse() throws Exception {
        assertThat(CommandLine.parse(new String[] {"status"}).command()).isEqualTo(new Command.Status(10, Optional.empty()));
        assertThat(CommandLine.parse(new String[] {"status", "--last", "3"}).command())
                .isEqualTo(new Command.Status(3, Optional.empty()));
        assertThat(CommandLine.parse(new String[] {"status", "--run", "monthly-2026-10"}).command())
                .isEqualTo(new Command.Status(100, Optional.of("monthly-2026-10")));
        assertThat(CommandLine.parse(new String[] {"restart", "42"}).command())
                .isEqualTo(new Command.Restart(Optional.of(42L)));
        assertThat(CommandLine.parse(new String[] {"restart", "--last-failed"}).command())
                .isEqualTo(new Command.Restart(Optional.empty()));
        assertThat(CommandLine.parse(new String[] {"recover", "7"}).command()).isEqualTo(new Command.Recover(7));
        CommandLine.Parsed validate = CommandLine.parse(new String[] {"validate-config"});
        assertThat(validate.command()).isEqualTo(new Command.ValidateConfig());
        assertThat(validate.springArgs()).containsExactly("--spring.flyway.enabled=false");
    }

    @Test
    void purgeTakesDryRunAndQuietAndNothingElse() throws Exception {
        // when / then
        assertThat(CommandLine.parse(new String[] {"purge"}).command()).isEqualTo(new Command.Purge(false));
        CommandLine.Parsed quiet = CommandLine.parse(new String[] {"purge", "--dry-run", "--quiet"});
        assertThat(quiet.command()).isEqualTo(new Command.Purge(true));
        assertThat(quiet.springArgs()).containsExactly("--logging.level.com.salesops.packets=WARN",
                "--logging.level.com.salesops.packets.outcome=INFO");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"purge", "nightly-2026-11-26"}))
                .hasMessage("purge: unexpected nightly-2026-11-26");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"run", "nightly", "--dry-run"}))
                .hasMessage("--dry-run does not apply to run");
        assertThat(((Command.Help) CommandLine.parse(new String[] {"purge", "--help"}).command()).text())
                .startsWith("Usage: packets purge [--dry-run]").contains("packets.retention.nightly-days",
                        "Refused (exit 3), removing nothing, while a run it would remove runs.");
        assertThat(CommandLine.USAGE).contains("purge [--dry-run]");
    }

    @Test
    void quietLeavesOnlyWarningsAndTheOutcomeLine() throws Exception {
        assertThat(CommandLine.parse(new String[] {"run", "nightly", "--quiet"}).springArgs()).containsExactly(
                "--logging.level.com.salesops.packets=WARN", "--logging.level.com.salesops.packets.outcome=INFO");
    }

    @Test
    void everyCommandHasItsOwnHelp() throws Exception {
        assertThat(((Command.Help) CommandLine.parse(new String[] {"recover", "--help"}).command()).text())
                .startsWith("Usage: packets recover <execution-id>").contains("Refused (exit 3) while the process");
        assertThat(((Command.Help) CommandLine.parse(new String[] {"help", "status"}).command()).text())
                .startsWith("Usage: packets status");
        assertThat(((Command.Help) CommandLine.parse(new String[] {}).command()).text())
                .contains("  run nightly", "  run monthly [--month YYYY-MM]", "  status", "  restart", "  recover",
                        "  validate-config", "  demo");
    }

    @Test
    void badUsageIsNamed() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"restart"}))
                .hasMessage("restart needs an execution id or --last-failed (one of them)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"restart", "5", "--last-failed"}))
                .hasMessage("restart needs an execution id or --last-failed (one of them)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"recover", "x"}))
                .hasMessage("recover: execution id must be a positive number, was x");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"status", "--month", "2026-10"}))
                .hasMessage("--month does not apply to status");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"status", "--run", "weekly-1"}))
                .hasMessageStartingWith("--run must be a run key");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"run", "nightly", "--month", "2026-10"}))
                .hasMessage("--month does not apply to run nightly");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"frobnicate"})).hasMessage("unknown command frobnicate");
    }
}
