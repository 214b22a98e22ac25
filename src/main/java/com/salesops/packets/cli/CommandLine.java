package com.salesops.packets.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits the arguments into the command and Spring's own {@code --key=value} overrides, and
 * rejects anything else with a usage message (exit code 2) before any database is touched.
 */
public final class CommandLine {

    public static final String USAGE = """
            Usage: packets <command> [options] [--spring.key=value ...]

              run nightly [--as-of YYYY-MM-DD] [--rerun]   nightly packets (default as-of: yesterday in packets.timezone)
              run monthly --month YYYY-MM [--rerun]        month-close packets (as-of: the month's last day)
              resend --run RUN-KEY --team TEAM-ID          email one rendered packet again, on purpose (ledger purpose RESEND-n)
              demo [--seed N]                              generate demo data (embedded H2) and run a nightly
              help                                         this text

            A run key (nightly-YYYY-MM-DD, monthly-YYYY-MM) identifies a run: running a failed key again
            restarts it where it failed; a completed key is refused (exit 3) unless --rerun is given.
            Exit codes: 0 completed, 1 failed (restartable), 2 bad usage or configuration, 3 refused.
            Configuration: config/application.yml, overridable with --key=value, environment variables,
            SPRING_APPLICATION_JSON or --spring.config.additional-location=...
            """;

    /** The command, and the arguments left for Spring. */
    public record Parsed(Command command, String[] springArgs) {
    }

    /** Bad usage: the message says what was wrong. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private CommandLine() {
    }

    public static Parsed parse(String[] args) throws UsageException {
        List<String> words = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        Optional<String> asOf = Optional.empty();
        Optional<String> month = Optional.empty();
        Optional<String> seed = Optional.empty();
        Optional<String> runKey = Optional.empty();
        Optional<String> team = Optional.empty();
        boolean rerun = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--as-of" -> asOf = Optional.of(value(args, ++i, a));
                case "--month" -> month = Optional.of(value(args, ++i, a));
                case "--seed" -> seed = Optional.of(value(args, ++i, a));
                case "--run" -> runKey = Optional.of(value(args, ++i, a));
                case "--team" -> team = Optional.of(value(args, ++i, a));
                case "--rerun" -> rerun = true;
                case "-h", "--help" -> words.add("help");
                default -> {
                    if (a.startsWith("--as-of=")) {
                        asOf = Optional.of(a.substring("--as-of=".length()));
                    } else if (a.startsWith("--month=")) {
                        month = Optional.of(a.substring("--month=".length()));
                    } else if (a.startsWith("--seed=")) {
                        seed = Optional.of(a.substring("--seed=".length()));
                    } else if (a.startsWith("--run=")) {
                        runKey = Optional.of(a.substring("--run=".length()));
                    } else if (a.startsWith("--team=")) {
                        team = Optional.of(a.substring("--team=".length()));
                    } else if (a.startsWith("--") && a.contains("=")) {
                        spring.add(a);
                    } else if (a.startsWith("-")) {
                        throw new UsageException("unknown option " + a);
                    } else {
                        words.add(a);
                    }
                }
            }
        }
        String[] rest = spring.toArray(String[]::new);
        if (words.isEmpty() || words.contains("help")) {
            return new Parsed(new Command.Help(USAGE), rest);
        }
        String verb = words.get(0);
        if (!verb.equals("resend")) {
            noOption(runKey, "--run", verb);
            noOption(team, "--team", verb);
        }
        switch (verb) {
            case "run" -> {
                if (words.size() != 2) {
                    throw new UsageException("run needs one kind: run nightly | run monthly --month YYYY-MM");
                }
                if (words.get(1).equals("nightly")) {
                    noOption(month, "--month", "run nightly");
                    noOption(seed, "--seed", "run nightly");
                    Optional<LocalDate> day = Optional.empty();
                    if (asOf.isPresent()) {
                        try {
                            day = Optional.of(LocalDate.parse(asOf.get()));
                        } catch (DateTimeParseException e) {
                            throw new UsageException("--as-of must be YYYY-MM-DD, was " + asOf.get());
                        }
                    }
                    return new Parsed(new Command.RunNightly(day, rerun), rest);
                }
                if (words.get(1).equals("monthly")) {
                    noOption(asOf, "--as-of", "run monthly");
                    noOption(seed, "--seed", "run monthly");
                    String m = month.orElseThrow(() -> new UsageException("run monthly needs --month YYYY-MM"));
                    try {
                        return new Parsed(new Command.RunMonthly(YearMonth.parse(m), rerun), rest);
                    } catch (DateTimeParseException e) {
                        throw new UsageException("--month must be YYYY-MM, was " + m);
                    }
                }
                throw new UsageException("unknown run kind " + words.get(1) + " (nightly or monthly)");
            }
            case "resend" -> {
                if (words.size() != 1) {
                    throw new UsageException("resend takes --run RUN-KEY --team TEAM-ID and no further words");
                }
                noOption(asOf, "--as-of", "resend");
                noOption(month, "--month", "resend");
                noOption(seed, "--seed", "resend");
                if (rerun) {
                    throw new UsageException("--rerun does not apply to resend");
                }
                String key = runKey.filter(s -> !s.isBlank())
                        .orElseThrow(() -> new UsageException("resend needs --run RUN-KEY"));
                String teamId = team.filter(s -> !s.isBlank())
                        .orElseThrow(() -> new UsageException("resend needs --team TEAM-ID"));
                return new Parsed(new Command.Resend(key, teamId), rest);
            }
            case "demo" -> {
                if (words.size() != 1) {
                    throw new UsageException("demo takes no further words");
                }
                noOption(asOf, "--as-of", "demo");
                noOption(month, "--month", "demo");
                try {
                    return new Parsed(new Command.Demo(seed.map(Long::parseLong).orElse(42L)), rest);
                } catch (NumberFormatException e) {
                    throw new UsageException("--seed must be a number");
                }
            }
            default -> throw new UsageException("unknown command " + verb);
        }
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static void noOption(Optional<String> value, String option, String command) throws UsageException {
        if (value.isPresent()) {
            throw new UsageException(option + " does not apply to " + command);
        }
    }
}
