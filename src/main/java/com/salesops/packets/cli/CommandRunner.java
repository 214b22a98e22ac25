package com.salesops.packets.cli;

import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.demo.DemoRun;
import com.salesops.packets.config.ConfigValidation;
import com.salesops.packets.guard.RunDates;
import com.salesops.packets.retention.Purge;
import com.salesops.packets.retention.PurgeReport;
import com.salesops.packets.run.ExitCodes;
import com.salesops.packets.delivery.PacketResender;
import com.salesops.packets.calendar.RunKeys;
import com.salesops.packets.remote.RenderWorker;
import com.salesops.packets.run.GracefulStop;
import com.salesops.packets.run.RunLauncher;
import com.salesops.packets.source.SourceReader;
import com.salesops.packets.status.RunStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** Carries out the parsed command inside the application context and keeps its exit code. */
@Component
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    /** The one-line outcome of a command: still logged with --quiet (see CommandLine). */
    private static final Logger outcome = LoggerFactory.getLogger("com.salesops.packets.outcome");

    private final ObjectProvider<Command> command;
    private final RunLauncher launcher;
    private final RunStatus status;
    private final ConfigValidation validation;
    private final PacketsProperties properties;
    private final DemoRun demo;
    private final PacketResender resender;
    private final SourceReader source;
    private final Purge purge;
    /** "Today" for the date guards and the default as-of and month (a test's fixed day; else the system clock). */
    private final Clock clock;
    private final ObjectProvider<RenderWorker> worker;
    private final GracefulStop stop;
    private int exitCode = ExitCodes.COMPLETED;

    CommandRunner(ObjectProvider<Command> command, RunLauncher launcher, RunStatus status, ConfigValidation validation,
                  PacketsProperties properties, DemoRun demo, PacketResender resender, SourceReader source,
                  Purge purge, Clock clock, ObjectProvider<RenderWorker> worker, GracefulStop stop) {
        this.command = command;
        this.launcher = launcher;
        this.status = status;
        this.validation = validation;
        this.properties = properties;
        this.demo = demo;
        this.resender = resender;
        this.source = source;
        this.purge = purge;
        this.clock = clock;
        this.worker = worker;
        this.stop = stop;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        // Without a command (a test's application context) there is nothing to run.
        Command command = this.command.getIfAvailable();
        if (command == null) {
            return;
        }
        exitCode = execute(command);
    }

    private int execute(Command command) throws Exception {
        if (command instanceof Command.RunNightly n) {
            LocalDate asOf = n.asOf().orElseGet(this::yesterday);
            Optional<String> refused = RunDates.refuseNightly(asOf, today(), properties.timezone(), n.allowFuture());
            if (refused.isPresent()) {
                return refuse(refused.get());
            }
            warnBeforeEarliestBooking(asOf);
            return report(launcher.launch(RunKeys.nightly(asOf), n.rerun()));
        }
        if (command instanceof Command.RunMonthly m) {
            YearMonth month = m.month().orElseGet(this::lastClosedMonth);
            Optional<String> refused = RunDates.refuseMonthly(month, today(), properties.timezone(), m.allowFuture());
            if (refused.isPresent()) {
                return refuse(refused.get());
            }
            warnBeforeEarliestBooking(month.atEndOfMonth());
            return report(launcher.launch(RunKeys.monthly(month), m.rerun()));
        }
        if (command instanceof Command.Release r) {
            return report(launcher.release(r.executionId()));
        }
        if (command instanceof Command.Resend r) {
            return switch (resender.resend(r.runKey(), r.teamId())) {
                case SENT -> ExitCodes.COMPLETED;
                case FAILED -> ExitCodes.FAILED;
                case REFUSED -> ExitCodes.USAGE_OR_CONFIG;
            };
        }
        if (command instanceof Command.Purge p) {
            return purge(p.dryRun());
        }
        if (command instanceof Command.Status s) {
            System.out.print(status.report(s.last(), s.runKey()));
            return ExitCodes.COMPLETED;
        }
        if (command instanceof Command.Restart r) {
            return restart(r);
        }
        if (command instanceof Command.Recover r) {
            return report(launcher.recover(r.executionId()));
        }
        if (command instanceof Command.ValidateConfig) {
            return validateConfig();
        }
        if (command instanceof Command.Worker) {
            return work();
        }
        if (command instanceof Command.Demo d) {
            return demo.run(d.seed(), yesterday());
        }
        if (command instanceof Command.Help h) {
            System.out.print(h.text());
            return ExitCodes.COMPLETED;
        }
        throw new IllegalStateException("no runner for " + command);
    }

    private int restart(Command.Restart r) throws Exception {
        Optional<Long> id = r.executionId().or(() -> launcher.lastFailed().map(JobExecution::getId));
        if (id.isEmpty()) {
            return report(new RunLauncher.Outcome(ExitCodes.REFUSED, "no FAILED or STOPPED execution to restart", null));
        }
        return report(launcher.restart(id.get()));
    }

    /** Refused before anything is written: no job instance, no run folder. */
    private static int refuse(String why) {
        outcome.error("refused: {}", why);
        return ExitCodes.USAGE_OR_CONFIG;
    }

    private void warnBeforeEarliestBooking(LocalDate asOf) {
        try {
            RunDates.beforeEarliestBooking(asOf, source.earliestBookingDate()).ifPresent(outcome::warn);
        } catch (RuntimeException e) {
            // the run's own first step reports an unreachable source or a broken query, with the key to fix
            log.info("earliest booking not checked: {}", e.getMessage());
        }
    }

    private int purge(boolean dryRun) {
        PurgeReport report = purge.purge(dryRun, Optional.empty());
        List<String> lines = report.lines();
        lines.subList(0, lines.size() - 1).forEach(log::info);
        if (report.refused().isPresent()) {
            outcome.warn(report.summary());
            return ExitCodes.REFUSED;
        }
        outcome.info(report.summary());
        return ExitCodes.COMPLETED;
    }

    private int work() throws InterruptedException {
        RenderWorker w = worker.getIfAvailable();
        if (w == null) {
            outcome.error("worker: packets.render.mode is local; workers serve runs in remote mode "
                    + "(--packets.render.mode=remote, with spring.rabbitmq.*)");
            return ExitCodes.USAGE_OR_CONFIG;
        }
        w.run(stop::requested);
        outcome.info("worker {} stopped", w.name());
        return ExitCodes.COMPLETED;
    }

    private int validateConfig() {
        System.out.println("validate-config:");
        List<String> problems = validation.check(System.out);
        if (problems.isEmpty()) {
            outcome.info("configuration OK");
            return ExitCodes.COMPLETED;
        }
        problems.forEach(p -> outcome.error("bad configuration: {}", p));
        return ExitCodes.USAGE_OR_CONFIG;
    }

    private int report(RunLauncher.Outcome result) {
        if (result.exitCode() == ExitCodes.COMPLETED) {
            outcome.info(result.message());
        } else if (result.exitCode() == ExitCodes.REFUSED) {
            outcome.warn(result.message());
        } else {
            outcome.error(result.message());
        }
        return result.exitCode();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(properties.timezone()));
    }

    private LocalDate yesterday() {
        return today().minusDays(1);
    }

    private YearMonth lastClosedMonth() {
        return YearMonth.from(today()).minusMonths(1);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
