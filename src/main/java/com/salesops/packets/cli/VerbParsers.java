package com.salesops.packets.cli;

import com.salesops.packets.calendar.RunKeys;
import com.salesops.packets.cli.CommandLine.UsageException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Each command's words and options turned into its {@link Command}, or a {@link UsageException} saying what is wrong. */
final class VerbParsers {

    /** The words after the command name and the options given. */
    record Args(String verb, List<String> words, Map<String, String> values, Set<String> flags) {

        Optional<String> value(String option) {
            return Optional.ofNullable(values.get(option));
        }

        boolean flag(String option) {
            return flags.contains(option);
        }

        void noMoreWords(int allowed) throws UsageException {
            if (words.size() > allowed) {
                throw new UsageException(verb + ": unexpected " + words.get(allowed));
            }
        }
    }

    private VerbParsers() {
    }

    static Command run(Args a) throws UsageException {
        if (a.words().size() != 1) {
            throw new UsageException("run needs one kind: run nightly | run monthly [--month YYYY-MM]");
        }
        String kind = a.words().get(0);
        if (kind.equals("nightly")) {
            if (a.value("--month").isPresent()) {
                throw new UsageException("--month does not apply to run nightly");
            }
            Optional<LocalDate> day = Optional.empty();
            if (a.value("--as-of").isPresent()) {
                try {
                    day = Optional.of(LocalDate.parse(a.value("--as-of").get()));
                } catch (DateTimeParseException e) {
                    throw new UsageException("--as-of must be YYYY-MM-DD, was " + a.value("--as-of").get());
                }
            }
            return new Command.RunNightly(day, a.flag("--rerun"), a.flag("--allow-future"));
        }
        if (kind.equals("monthly")) {
            if (a.value("--as-of").isPresent()) {
                throw new UsageException("--as-of does not apply to run monthly");
            }
            Optional<YearMonth> month = Optional.empty();
            if (a.value("--month").isPresent()) {
                try {
                    month = Optional.of(YearMonth.parse(a.value("--month").get()));
                } catch (DateTimeParseException e) {
                    throw new UsageException("--month must be YYYY-MM, was " + a.value("--month").get());
                }
            }
            return new Command.RunMonthly(month, a.flag("--rerun"), a.flag("--allow-future"));
        }
        throw new UsageException("unknown run kind " + kind + " (nightly or monthly)");
    }

    static Command status(Args a) throws UsageException {
        a.noMoreWords(0);
        int last = 10;
        if (a.value("--last").isPresent()) {
            try {
                last = Integer.parseInt(a.value("--last").get());
            } catch (NumberFormatException e) {
                last = 0;
            }
            if (last < 1) {
                throw new UsageException("--last must be a positive number, was " + a.value("--last").get());
            }
        }
        Optional<String> runKey = a.value("--run");
        if (runKey.isPresent() && !RunKeys.looksLikeRunKey(runKey.get())) {
            throw new UsageException("--run must be a run key (nightly-YYYY-MM-DD or monthly-YYYY-MM), was " + runKey.get());
        }
        return new Command.Status(runKey.isPresent() && a.value("--last").isEmpty() ? 100 : last, runKey);
    }

    static Command restart(Args a) throws UsageException {
        a.noMoreWords(1);
        if (a.flag("--last-failed") == !a.words().isEmpty()) {
            throw new UsageException("restart needs an execution id or --last-failed (one of them)");
        }
        return new Command.Restart(a.words().isEmpty() ? Optional.empty() : Optional.of(executionId(a)));
    }

    static Command recover(Args a) throws UsageException {
        a.noMoreWords(1);
        if (a.words().isEmpty()) {
            throw new UsageException("recover needs an execution id (see: status)");
        }
        return new Command.Recover(executionId(a));
    }

    static Command release(Args a) throws UsageException {
        a.noMoreWords(1);
        if (a.words().isEmpty()) {
            throw new UsageException("release needs the execution id of a HELD run (see: status)");
        }
        return new Command.Release(executionId(a));
    }

    static Command validateConfig(Args a) throws UsageException {
        a.noMoreWords(0);
        return new Command.ValidateConfig();
    }

    static Command resend(Args a) throws UsageException {
        a.noMoreWords(0);
        String key = a.value("--run").filter(v -> !v.isBlank())
                .orElseThrow(() -> new UsageException("resend needs --run RUN-KEY"));
        String team = a.value("--team").filter(v -> !v.isBlank())
                .orElseThrow(() -> new UsageException("resend needs --team TEAM-ID"));
        return new Command.Resend(key, team);
    }

    static Command purge(Args a) throws UsageException {
        a.noMoreWords(0);
        return new Command.Purge(a.flag("--dry-run"));
    }

    static Command worker(Args a) throws UsageException {
        a.noMoreWords(0);
        return new Command.Worker();
    }

    static Command demo(Args a) throws UsageException {
        a.noMoreWords(0);
        try {
            return new Command.Demo(a.value("--seed").map(Long::parseLong).orElse(42L));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a number");
        }
    }

    private static long executionId(Args a) throws UsageException {
        try {
            long id = Long.parseLong(a.words().get(0));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(a.verb() + ": execution id must be a positive number, was " + a.words().get(0));
    }
}
