package com.salesops.packets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/packets}, the launcher cron calls, and its class-data sharing (docs/performance.md,
 * "Start-up"): prepared once per build from a demo run, used by every later JVM, made again for a
 * rebuilt jar, never replaced under a running JVM, off on request; and whatever fails while preparing
 * it, the job runs from the jar. Also the JVM defaults it adds ("The JIT compiler and the collector"):
 * the parallel collector unless one is named, the rendering libraries on C1 only, off on request.
 * Each test has its own copy of the launcher and the built jar in a folder laid out like the project
 * ({@code bin/}, {@code target/}).
 */
class LauncherIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String SHARED = "com.salesops.packets.cli.CommandLine source: shared objects file";
    private static final Path DIRECTIVES = Path.of("bin", "compiler-directives.json");

    @TempDir
    Path home;

    private Path jar;
    private Path archive;

    @BeforeEach
    void layOutAHome() throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Path launcher = Files.copy(Path.of("bin", "packets"), home.resolve("bin").resolve("packets"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(DIRECTIVES, home.resolve("bin").resolve(DIRECTIVES.getFileName()));
        Files.createDirectories(home.resolve("target"));
        jar = Files.copy(Path.of(System.getProperty("packets.jar", "target/attainment-packets.jar")),
                home.resolve("target").resolve("attainment-packets.jar"));
        archive = home.resolve("target").resolve("app").resolve("attainment-packets.jsa");
    }

    /*
     * One home through an archive's whole life (each preparation is a demo run of about half a
     * minute, so the three stages share them): made by the first call, used by later JVMs, left in
     * place while a JVM started on it still runs, made again for the rebuilt jar once it has ended.
     */
    @Test
    void theArchiveIsMadeOncePerBuildUsedByLaterJvmsAndNotReplacedUnderARunningOne() throws Exception {
        // when: the first two calls after a build
        Launch first = launch(Map.of(), "help");
        Launch second = launch(Map.of(), "help");

        // then: the first prepares (from a demo run), the second maps the job's classes from the archive
        assertThat(first.exitCode).as(first.output).isZero();
        assertThat(first.output).contains("Preparing class-data sharing", "Usage: packets");
        assertThat(archive).isRegularFile();
        assertThat(Files.readString(home.resolve("target").resolve("cds-training.log"))).contains("Attainment Packets demo");
        assertThat(second.exitCode).as(second.output).isZero();
        assertThat(second.output).doesNotContain("Preparing").contains("Usage: packets");
        assertThat(second.classLoads).contains(SHARED);

        // given: a JVM started by the launcher on the archive, held at its start (the JVM waits while
        // its pause file exists), as a long run or a worker would be; then the jar is built again
        FileTime prepared = Files.getLastModifiedTime(archive);
        Path pause = home.resolve("held.pause");
        Process held = start(Map.of("PACKETS_JAVA_OPTS", "-Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+PauseAtStartup "
                + "-XX:PauseAtStartupFile=" + pause), home.resolve("held.log"), "help");
        try {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.exists(pause) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(pause).as("the held JVM started").exists();
            rebuildTheJar();

            // when
            Launch whileHeld = launch(Map.of(), "help");

            // then: no waiting, no preparing, the classes from the jar; the held JVM still on its archive
            assertThat(whileHeld.exitCode).as(whileHeld.output).isZero();
            assertThat(whileHeld.output).doesNotContain("Preparing").contains("Usage: packets");
            assertThat(Files.getLastModifiedTime(archive)).isEqualTo(prepared);
            assertThat(whileHeld.classLoads).doesNotContain(SHARED)
                    .contains("com.salesops.packets.cli.CommandLine source: jar:");
        } finally {
            Files.deleteIfExists(pause);
            if (!held.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                held.destroyForcibly();
            }
        }
        assertThat(held.exitValue()).isZero();

        // when: the first call once no JVM runs on the old archive
        Launch rebuilt = launch(Map.of(), "help");

        // then: the rebuilt jar gets its archive before it runs, and runs on it
        assertThat(rebuilt.exitCode).as(rebuilt.output).isZero();
        assertThat(rebuilt.output).contains("Preparing class-data sharing");
        assertThat(Files.getLastModifiedTime(archive)).isNotEqualTo(prepared);
        assertThat(rebuilt.classLoads).contains(SHARED);
    }

    @Test
    void aPreparationThatFailsRunsTheJobFromTheJarAndIsNotTriedAgainForTheSameBuild() throws Exception {
        // given: a JVM that refuses to write an archive (as a JDK without class-data sharing would)
        Path jdk = home.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Path java = Files.writeString(jdk.resolve("bin").resolve("java"), """
                #!/bin/bash
                for a in "$@"; do case "$a" in -XX:ArchiveClassesAtExit=*) echo "no archive here" >&2; exit 7;; esac; done
                exec "%s" "$@"
                """.formatted(Path.of(System.getProperty("java.home"), "bin", "java")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        // when
        Launch first = launch(Map.of("JAVA_HOME", jdk.toString()), "help");
        Launch second = launch(Map.of("JAVA_HOME", jdk.toString()), "help");

        // then
        assertThat(first.exitCode).as(first.output).isZero();
        assertThat(first.output).contains("Class-data sharing not prepared", "Usage: packets");
        assertThat(first.classLoads).doesNotContain(SHARED).contains("com.salesops.packets.cli.CommandLine source: jar:");
        assertThat(Files.readString(home.resolve("target").resolve("cds-training.log"))).contains("no archive here");
        assertThat(second.exitCode).as(second.output).isZero();
        assertThat(second.output).doesNotContain("Preparing").contains("Usage: packets");
        assertThat(home.resolve("target").resolve("app")).doesNotExist();
    }

    @Test
    void aLockFileThatCannotBeOpenedRunsTheJobFromTheJar() throws Exception {
        // given: the lock's path is taken by something else (here a folder; elsewhere: a file of another user)
        Files.createDirectories(home.resolve("target").resolve(".cds.lock"));

        // when
        Launch launch = launch(Map.of(), "help");

        // then
        assertThat(launch.exitCode).as(launch.output).isZero();
        assertThat(launch.output).doesNotContain("Preparing").contains("Usage: packets");
        assertThat(launch.classLoads).doesNotContain(SHARED).contains("com.salesops.packets.cli.CommandLine source: jar:");
    }

    @Test
    void packetsCdsOffRunsTheJarAsBuiltWithoutPreparingAnything() throws Exception {
        // when
        Launch off = launch(Map.of("PACKETS_CDS", "off"), "help");

        // then
        assertThat(off.exitCode).as(off.output).isZero();
        assertThat(off.output).doesNotContain("Preparing").contains("Usage: packets");
        assertThat(home.resolve("target").resolve("app")).doesNotExist();
        assertThat(off.classLoads).doesNotContain(SHARED).contains("com.salesops.packets.cli.CommandLine source: jar:");
    }

    @Test
    void byDefaultTheJvmHasTheParallelCollectorAndCompilesTheRenderingLibrariesWithC1Only() throws Exception {
        // given: the packages the directives keep off C2, as PrintCompilation names them
        String rendering = renderingPackages();

        // when: the demo (every step, a few dozen packets) with the JIT's compilations printed
        Launch demo = launch(Map.of("PACKETS_CDS", "off",
                "PACKETS_JAVA_OPTS", "-Xmx1g -XX:+PrintFlagsFinal -XX:+PrintCompilation"), "demo");

        // then: the directives are read; C2 is refused the rendering libraries (they stay on C1)
        // and still compiles the job's own code
        assertThat(demo.exitCode).as(demo.output).isZero();
        assertThat(demo.output).contains("1 compiler directives added", "Attainment Packets demo");
        assertThat(demo.output).containsPattern("\\bUseParallelGC\\s+= true");
        assertThat(demo.output).containsPattern("made not compilable on level 4 +(" + rendering + ")\\.");
        assertThat(demo.output).doesNotContainPattern("(?m)^ *\\d+ +\\d+ +[%sbn! ]*4 +(" + rendering + ")\\.");
        assertThat(demo.output).containsPattern("(?m)^ *\\d+ +\\d+ +[%sbn! ]*4 +com\\.salesops\\.packets\\.");
    }

    @Test
    void aCollectorNamedInPacketsJavaOptsIsKept() throws Exception {
        // when
        Launch launch = launch(Map.of("PACKETS_CDS", "off",
                "PACKETS_JAVA_OPTS", "-Xmx1g -XX:+UseSerialGC -XX:+PrintFlagsFinal"), "help");

        // then
        assertThat(launch.exitCode).as(launch.output).isZero();
        assertThat(launch.output).contains("Usage: packets", "1 compiler directives added")
                .containsPattern("\\bUseSerialGC\\s+= true").containsPattern("\\bUseParallelGC\\s+= false");
    }

    @Test
    void packetsJvmTuningOffLeavesTheJvmsOwnDefaults() throws Exception {
        // when
        Launch launch = launch(Map.of("PACKETS_CDS", "off", "PACKETS_JVM_TUNING", "off",
                "PACKETS_JAVA_OPTS", "-Xmx1g -XX:+PrintFlagsFinal"), "help");

        // then
        assertThat(launch.exitCode).as(launch.output).isZero();
        assertThat(launch.output).contains("Usage: packets").doesNotContain("compiler directives added")
                .containsPattern("\\bUseParallelGC\\s+= false");
    }

    /** bin/compiler-directives.json's match patterns ("org/apache/poi/*.*") as one regex of their quoted package names. */
    private static String renderingPackages() throws Exception {
        Matcher m = Pattern.compile("\"([a-z0-9/]+)/\\*\\.\\*\"").matcher(Files.readString(DIRECTIVES));
        List<String> packages = new ArrayList<>();
        while (m.find()) {
            packages.add(Pattern.quote(m.group(1).replace('/', '.')));
        }
        assertThat(packages).as("match patterns in %s", DIRECTIVES).isNotEmpty();
        return String.join("|", packages);
    }

    private Launch launch(Map<String, String> env, String... args) throws Exception {
        Path classLog = Files.createTempFile(home, "class-load", ".log");
        Path output = Files.createTempFile(home, "launch", ".log");
        Map<String, String> all = new HashMap<>(Map.of("PACKETS_JAVA_OPTS", "-Xmx1g -Xlog:class+load=info:file="
                + classLog));
        all.putAll(env);
        Process process = start(all, output, args);
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/packets did not finish within " + TIMEOUT + ":\n" + Files.readString(output));
        }
        return new Launch(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Files.readString(classLog, StandardCharsets.UTF_8));
    }

    /** A new build of the jar, as the launcher tells one: a new modification time. */
    private void rebuildTheJar() throws Exception {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    }

    /** The launcher in its own process, with this JVM's Java unless {@code env} names another. */
    private Process start(Map<String, String> env, Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("packets").toString()));
        command.addAll(List.of(args));
        // the home's own folder, so a demo writes its outbox there and no ./config of this project is read
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().remove("PACKETS_CDS");
        pb.environment().remove("PACKETS_JVM_TUNING");
        pb.environment().remove("PACKETS_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private record Launch(int exitCode, String output, String classLoads) {
    }
}
