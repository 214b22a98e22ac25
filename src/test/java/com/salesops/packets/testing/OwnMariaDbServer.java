package com.salesops.packets.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of a test's own (a data folder and a free port), so the test may kill it with
 * {@code kill -9} and start it again on the same data: {@code mariadb-install-db}, then
 * {@code mariadbd} without grant tables (root, no password, 127.0.0.1 only). When it cannot be
 * installed or started the test fails saying why; it never skips.
 */
public final class OwnMariaDbServer implements AutoCloseable {

    private static final String INSTALL = "mariadb-install-db";
    private static final String SERVER = "/usr/sbin/mariadbd";

    private final Path dir;
    private final int port;
    private Process process;

    private OwnMariaDbServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Installs a new data folder under {@code dir} and starts the server on a free port. */
    public static OwnMariaDbServer install(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        OwnMariaDbServer server = new OwnMariaDbServer(dir, freePort());
        server.exec(List.of(INSTALL, "--no-defaults", "--datadir=" + server.data(), "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db"), "install", Duration.ofMinutes(2));
        server.start();
        return server;
    }

    /** Starts (or starts again, on the same data) and waits until it answers. */
    public void start() throws IOException, InterruptedException {
        Path log = dir.resolve("server.log");
        process = new ProcessBuilder(SERVER, "--no-defaults", "--datadir=" + data(), "--port=" + port,
                "--bind-address=127.0.0.1", "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"),
                "--user=root", "--skip-grant-tables", "--innodb-buffer-pool-size=64M", "--log-error=" + log)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(serverUrl(), "root", "")) {
                if (c.isValid(5)) {
                    return;
                }
            } catch (SQLException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("own MariaDB server did not start on port " + port + " ("
                            + e.getMessage() + "); its log:\n" + read(log) + read(dir.resolve("stdout.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    /** {@code kill -9}: no shutdown, open connections cut. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("own MariaDB server survived kill -9");
        }
    }

    public MariaDbDatabase createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(serverUrl(), "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + name + " on the own MariaDB server: " + e.getMessage(), e);
        }
        return new MariaDbDatabase(serverUrl() + name + "?rewriteBatchedStatements=true&useSSL=false");
    }

    /** A database on this server. */
    public record MariaDbDatabase(String url) {
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void exec(List<String> command, String what, Duration timeout) throws IOException, InterruptedException {
        Path log = dir.resolve(what + ".log");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (is mariadb-server installed?): "
                    + e.getMessage(), e);
        }
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + read(log));
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
