package com.salesops.packets.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged jar run as cron runs it: {@code java -jar target/attainment-packets.jar ...} in a
 * separate process, its output in a file. Used by the {@code *IT} tests, which failsafe runs after
 * {@code package}; the jar's path comes from the {@code packets.jar} system property (set in the pom).
 */
public final class PacketsJar {

    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    private final Path jar;
    private final Path logDir;
    private final List<String> commonArgs;
    private int launches;

    public PacketsJar(Path logDir, List<String> commonArgs) {
        String property = System.getProperty("packets.jar", "target/attainment-packets.jar");
        this.jar = Path.of(property).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": run these tests with `./mvnw verify` (after package)");
        }
        this.logDir = logDir;
        this.commonArgs = List.copyOf(commonArgs);
    }

    /** A running (or finished) jar process. */
    public static final class Run {
        private final Process process;
        private final Path output;

        Run(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Waits for the exit code (fails the test if the process hangs). */
        public int exitCode() throws InterruptedException {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("jar did not finish within " + TIMEOUT + ":\n" + output());
            }
            return process.exitValue();
        }

        /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
        public void kill9() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.MINUTES);
        }

        /** SIGTERM, as cron's timeout or systemd stop. */
        public void terminate() {
            process.destroy();
        }

        public String output() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }
    }

    /** Starts the jar with the given command and the common arguments; returns at once. */
    public Run start(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-Djava.awt.headless=true", "-jar",
                jar.toString()));
        cmd.addAll(List.of(command));
        cmd.addAll(commonArgs);
        Path output = logDir.resolve("jar-" + (++launches) + "-" + String.join("_", command).replaceAll("[^A-Za-z0-9_.-]", "")
                + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new Run(p, output);
    }

    /** Runs the jar to its end. */
    public Run run(String... command) throws IOException, InterruptedException {
        Run r = start(command);
        r.exitCode();
        return r;
    }

    /** Polls until the condition holds, failing after {@code timeout} or when the process ends first. */
    public static void await(Run run, Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!run.isAlive()) {
                throw new AssertionError("the jar ended before " + what + ":\n" + run.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ":\n" + run.output());
            }
            Thread.sleep(20);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
