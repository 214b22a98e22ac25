package com.salesops.packets.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits the arguments into the command and Spring's own {@code --key=value} overrides, and
 * rejects anything else with a usage message (exit code 2) before any database is touched.
 * Each command is one {@link Verb} entry: its usage line, its {@code --help} text, its options
 * and its parser — adding a command means adding an entry, a {@link Command} record and a branch
 * in {@code CommandRunner}.
 */
public final class CommandLine {

    /** One command of the CLI. */
    private record Verb(String name, String synopsis, String help, Set<String> valueOptions, Set<String> flags,
                        Parser parser) {
    }

    @FunctionalInterface
    private interface Parser {
        Command parse(VerbParsers.Args args) throws UsageException;
    }

    private static final List<Verb> VERBS = List.of(
            new Verb("run", """
                    run nightly [--as-of YYYY-MM-DD] [--rerun]   nightly packets (default as-of: yesterday in packets.timezone)
                      run monthly [--month YYYY-MM] [--rerun]      month-close packets (default: the last closed month)""",
                    """
                    Runs the job for a run key (nightly-YYYY-MM-DD or monthly-YYYY-MM).
                      A new key starts; a FAILED or STOPPED key restarts where it stopped (completed steps,
                      rendered packets and sent emails are not redone); a running key is refused (exit 3);
                      a COMPLETED key is refused (exit 3) unless --rerun, which recomputes and emails again.
                      --as-of D    nightly: the as-of day (default yesterday in packets.timezone)
                      --month M    monthly: the month to close (default the month before today's)
                      --rerun      run a completed key again (after a data fix)
                      --allow-future  an as-of after today, or a month that has not ended, is meant
                                   (refused with exit 2 otherwise: such a run reads bookings not made yet)
                      Before emailing, the run's figures pass a gate (packets.guard.*): a run that read no
                      booking, rejected too many or lost credit against the previous run is HELD (exit 1,
                      nothing sent; see: status, release).""",
                    Set.of("--as-of", "--month"), Set.of("--rerun", "--allow-future"), VerbParsers::run),
            new Verb("status", "status [--last N] [--run KEY]                 recent runs: steps, counts, packets, emails, rejects",
                    """
                    Shows the latest executions (default 10), or every execution of one run key: status,
                      start, duration, each step's read/written/skipped counts, packets rendered/sent/failed,
                      rejects, and for a STARTED run whether its process is still alive.""",
                    Set.of("--last", "--run"), Set.of(), VerbParsers::status),
            new Verb("restart", "restart <execution-id> | --last-failed          restart a FAILED or STOPPED execution",
                    """
                    Restarts a FAILED or STOPPED execution where it stopped (see status for the ids).
                      --last-failed   the most recent execution that ended FAILED or STOPPED""",
                    Set.of(), Set.of("--last-failed"), VerbParsers::restart),
            new Verb("recover", "recover <execution-id>                         mark a run left STARTED by a killed JVM as FAILED",
                    """
                    For an execution left STARTED or STOPPING by a JVM that died (kill -9, power loss):
                      marks it FAILED and removes its run lock, so restart (or the same run command) can
                      continue it. Refused (exit 3) while the process that holds the run is alive.""",
                    Set.of(), Set.of(), VerbParsers::recover),
            new Verb("release", "release <execution-id>                         send a HELD run's packets after checking why it was held",
                    """
                    For a run the delivery gate HELD (status shows HELD, the reason and the figures): records
                      that a person looked and the packets may go out as they are, then restarts the execution,
                      so its deliver step emails every manager once. Exit 0 sent, 1 not (restartable), 3 when
                      the execution is not HELD (or no longer the latest of its run key).
                      To recompute after fixing the source instead, run the same run command again.""",
                    Set.of(), Set.of(), VerbParsers::release),
            new Verb("validate-config", "validate-config                                check databases, extraction SQL, SMTP, templates",
                    """
                    Checks the configuration without running or sending anything: app database, source
                      database, each extraction query's tables and columns, the SMTP server (connect only)
                      when spring.mail.host is set, RabbitMQ (connect, declare packets.workers.queue) when
                      packets.render.mode is remote, the output folder and the report templates.
                      Exit 0 when all is well, 2 with a line naming the key for each problem.""",
                    Set.of(), Set.of(), VerbParsers::validateConfig),
            new Verb("resend", "resend --run RUN-KEY --team TEAM-ID             email one rendered packet again, on purpose",
                    """
                    Emails one already rendered packet of a run again, on purpose, to the manager's current
                      address: a new ledger row with purpose RESEND-n and a new Message-ID; the run's own
                      rows are not touched. Exit 0 sent, 1 not sent, 2 unknown run or team.
                      --run KEY    the run key, e.g. nightly-2026-11-26
                      --team ID    the team whose packet to send""",
                    Set.of("--run", "--team"), Set.of(), VerbParsers::resend),
            new Verb("purge", "purge [--dry-run]                              remove the runs past retention (rows and folders)",
                    """
                    Removes the runs past retention: their rows in the job's tables (credit lines, rejects,
                      results, flags, daily totals, packets) and their folder under packets.output.dir, and
                      prints what it removed (runs, rows per table, bytes on disk). Past retention, by as-of
                      date counted back from today in packets.timezone: a nightly older than
                      packets.retention.nightly-days days, a monthly older than packets.retention.monthly-months
                      months. Never removed: the latest completed run of each type, a run that is not
                      COMPLETED, the delivery ledger and Spring Batch's tables; status still lists a purged
                      run, as purged. Refused (exit 3), removing nothing, while a run it would remove runs.
                      --dry-run    only print what it would remove""",
                    Set.of(), Set.of("--dry-run"), VerbParsers::purge),
            new Verb("worker", "worker                                         render partitions of remote runs until SIGTERM",
                    """
                    Renders the packet partitions that runs in remote mode (packets.render.mode=remote) send
                      to the queue packets.workers.queue, for any run, until SIGTERM (each partition in hand
                      stops after its current packet; the run then ends STOPPED, restartable). Needs the same
                      app database, source database, packets.output.dir and spring.rabbitmq.* as the runs.
                      Renders packets.render.threads partitions at a time; logs each partition it takes and
                      finishes. Exit 0 after SIGTERM, 2 when the mode is not remote.""",
                    Set.of(), Set.of(), VerbParsers::worker),
            new Verb("demo", "demo [--seed N]                                generate demo data (embedded H2) and run a nightly",
                    """
                    Generates demo data into the embedded H2 source database and runs a nightly for
                      yesterday; packets and .eml emails go to packets.output.dir.""",
                    Set.of("--seed"), Set.of(), VerbParsers::demo));

    /** Options every command takes. */
    private static final Set<String> COMMON_FLAGS = Set.of("--quiet");

    public static final String USAGE = "Usage: packets <command> [options] [--spring.key=value ...]\n\n"
            + VERBS.stream().flatMap(v -> v.synopsis().lines()).map(CommandLine::usageLine).collect(Collectors.joining())
            + usageLine("help [command]  this text, or a command's (also: <command> --help)")
            + """

            Every command takes --quiet (for cron: only warnings, errors and the final line).
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
        Set<String> valueOptions = new HashSet<>();
        Set<String> flagOptions = new HashSet<>(COMMON_FLAGS);
        VERBS.forEach(v -> {
            valueOptions.addAll(v.valueOptions());
            flagOptions.addAll(v.flags());
        });
        List<String> words = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (a.equals("-h") || a.equals("--help")) {
                help = true;
            } else if (valueOptions.contains(name)) {
                values.put(name, a.contains("=") ? a.substring(a.indexOf('=') + 1) : value(args, ++i, a));
            } else if (flagOptions.contains(a)) {
                flags.add(a);
            } else if (a.startsWith("--") && a.contains("=")) {
                spring.add(a);
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a);
            } else {
                words.add(a);
            }
        }
        if (flags.remove("--quiet")) {
            // cron: warnings, errors and the one-line outcome only
            spring.add("--logging.level.com.salesops.packets=WARN");
            spring.add("--logging.level.com.salesops.packets.outcome=INFO");
        }
        String[] rest = spring.toArray(String[]::new);
        if (words.isEmpty()) {
            return new Parsed(new Command.Help(USAGE), rest);
        }
        if (words.get(0).equals("help")) {
            return new Parsed(new Command.Help(words.size() > 1 ? helpOf(verb(words.get(1))) : USAGE), rest);
        }
        Verb verb = verb(words.get(0));
        if (help) {
            return new Parsed(new Command.Help(helpOf(verb)), rest);
        }
        for (String option : values.keySet()) {
            if (!verb.valueOptions().contains(option)) {
                throw new UsageException(option + " does not apply to " + verb.name());
            }
        }
        for (String flag : flags) {
            if (!verb.flags().contains(flag)) {
                throw new UsageException(flag + " does not apply to " + verb.name());
            }
        }
        Command command = verb.parser().parse(new VerbParsers.Args(verb.name(), words.subList(1, words.size()), values, flags));
        if (command instanceof Command.ValidateConfig) {
            rest = append(rest, "--spring.flyway.enabled=false"); // validate-config changes nothing, not even the schema
        }
        return new Parsed(command, rest);
    }

    /** "usage  description" (two or more spaces between) as an aligned line of the overview. */
    private static String usageLine(String line) {
        String[] parts = line.strip().split("\\s{2,}", 2);
        return String.format(java.util.Locale.ROOT, "  %-44s %s%n", parts[0], parts.length > 1 ? parts[1] : "");
    }

    private static Verb verb(String name) throws UsageException {
        for (Verb v : VERBS) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new UsageException("unknown command " + name);
    }

    private static String helpOf(Verb verb) {
        return "Usage:" + verb.synopsis().lines().map(l -> " packets " + l.strip().split("\\s{2,}")[0])
                .collect(Collectors.joining("\n      ")) + "\n\n  " + verb.help() + "\n\n"
                + "Exit codes: 0 completed, 1 failed (restartable), 2 bad usage or configuration, 3 refused.\n";
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static String[] append(String[] array, String value) {
        String[] more = java.util.Arrays.copyOf(array, array.length + 1);
        more[array.length] = value;
        return more;
    }
}
