package com.salesops.packets;

import com.salesops.packets.cli.Command;
import com.salesops.packets.cli.CommandLine;
import com.salesops.packets.config.InvalidConfigurationException;
import com.salesops.packets.run.ExitCodes;
import com.salesops.packets.run.GracefulStop;
import com.salesops.packets.support.ConnectionLossFilter;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** Entry point: {@code java -jar attainment-packets.jar <command>}; the exit code reaches the shell. */
@SpringBootApplication
public class AttainmentPacketsApplication {

    public static void main(String[] args) {
        // SIGTERM stops a running job at a chunk boundary (STOPPED, restartable), then exits with its code
        GracefulStop stop = new GracefulStop();
        stop.installShutdownHook();
        int code = run(stop, Optional.empty(), args);
        stop.commandEnded(code);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new GracefulStop(), Optional.empty(), args);
    }

    /** Runs a command line with "today" read from {@code clock} (a test's fixed day); returns its exit code. */
    public static int run(Clock clock, String... args) {
        return run(new GracefulStop(), Optional.of(clock), args);
    }

    private static int run(GracefulStop stop, Optional<Clock> clock, String... args) {
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println("packets: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            return ExitCodes.USAGE_OR_CONFIG;
        }
        if (parsed.command() instanceof Command.Help help) {
            System.out.print(help.text());
            return ExitCodes.COMPLETED;
        }
        SpringApplication app = new SpringApplication(AttainmentPacketsApplication.class);
        // the context closes when the command ends; on SIGTERM GracefulStop's hook stops the job first
        app.setRegisterShutdownHook(false);
        // a lost app database: its one line, not a page of pool and JDBC warnings (support/ConnectionLossFilter)
        app.addListeners(new ConnectionLossFilter.Installer());
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("command", parsed.command());
            context.getBeanFactory().registerSingleton("gracefulStop", stop);
        });
        clock.ifPresent(c -> app.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", c)));
        try {
            return SpringApplication.exit(app.run(parsed.springArgs()));
        } catch (Throwable e) {
            if (parsed.command() instanceof Command.ValidateConfig) {
                // e.g. the app database (spring.datasource.url) is down: a configuration problem here
                System.err.println("packets: bad configuration: " + invalidConfiguration(e).orElseGet(() -> deepest(e)));
                return ExitCodes.USAGE_OR_CONFIG;
            }
            return startupFailure(e);
        }
    }

    private static int startupFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindValidationException invalid) {
                // one line per bad key, spelled as in application.yml (packets.fiscal.year-start-month)
                for (ObjectError error : invalid.getValidationErrors().getAllErrors()) {
                    String key = invalid.getValidationErrors().getName() + "."
                            + (error instanceof FieldError f ? kebab(f.getField()) : error.getObjectName());
                    Object value = error instanceof FieldError f ? f.getRejectedValue() : null;
                    System.err.println("packets: bad configuration: " + key + " " + error.getDefaultMessage()
                            + (value == null ? "" : " (was " + value + ")"));
                }
                return ExitCodes.USAGE_OR_CONFIG;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationPropertiesBindException
                    || t instanceof InvalidConfigurationException
                    || t instanceof org.springframework.boot.context.properties.bind.BindException) {
                System.err.println("packets: bad configuration: " + deepest(t));
                return ExitCodes.USAGE_OR_CONFIG;
            }
        }
        System.err.println("packets: failed: " + deepest(e));
        return ExitCodes.FAILED;
    }

    /** The message of a setting that makes no sense (it names the key), without the bean creation around it. */
    private static Optional<String> invalidConfiguration(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException) {
                return Optional.of(t.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String deepest(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable t = e.getCause();
        while (t != null) {
            if (t.getMessage() != null && !b.toString().contains(t.getMessage())) {
                b.append(" — ").append(t.getMessage());
            }
            t = t.getCause();
        }
        return b.toString();
    }
}
