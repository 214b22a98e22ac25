package com.salesops.packets.cli;

import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.demo.DemoRun;
import com.salesops.packets.run.ExitCodes;
import com.salesops.packets.run.PacketResender;
import com.salesops.packets.run.RunKeys;
import com.salesops.packets.run.RunLauncher;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** Carries out the parsed command inside the application context and keeps its exit code. */
@Component
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final ObjectProvider<Command> command;
    private final RunLauncher launcher;
    private final PacketsProperties properties;
    private final DemoRun demo;
    private final PacketResender resender;
    private int exitCode = ExitCodes.COMPLETED;

    CommandRunner(ObjectProvider<Command> command, RunLauncher launcher, PacketsProperties properties, DemoRun demo,
                  PacketResender resender) {
        this.command = command;
        this.launcher = launcher;
        this.properties = properties;
        this.demo = demo;
        this.resender = resender;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        // Without a command (a test's application context) there is nothing to run.
        Command command = this.command.getIfAvailable();
        if (command == null) {
            return;
        }
        if (command instanceof Command.RunNightly n) {
            exitCode = report(launcher.launch(RunKeys.nightly(n.asOf().orElseGet(this::yesterday)), n.rerun()));
        } else if (command instanceof Command.RunMonthly m) {
            exitCode = report(launcher.launch(RunKeys.monthly(m.month()), m.rerun()));
        } else if (command instanceof Command.Resend r) {
            exitCode = resender.resend(r.runKey(), r.teamId());
        } else if (command instanceof Command.Demo d) {
            exitCode = demo.run(d.seed(), yesterday());
        } else if (command instanceof Command.Help h) {
            System.out.print(h.text());
            exitCode = ExitCodes.COMPLETED;
        }
    }

    private int report(RunLauncher.Outcome outcome) {
        if (outcome.exitCode() == ExitCodes.COMPLETED) {
            log.info(outcome.message());
        } else {
            log.error(outcome.message());
        }
        return outcome.exitCode();
    }

    private LocalDate yesterday() {
        return LocalDate.now(ZoneId.of(properties.timezone())).minusDays(1);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
