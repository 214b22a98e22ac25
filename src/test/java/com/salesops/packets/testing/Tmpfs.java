package com.salesops.packets.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a folder, so a write fails with a real ENOSPC ("No space left on device").
 * Mounting needs root with CAP_SYS_ADMIN (as {@code bin/test} runs in CI); without it the test fails
 * saying so rather than proving nothing. Closing unmounts it (lazily if a file is still open).
 */
public final class Tmpfs implements AutoCloseable {

    private final Path mountPoint;
    private boolean mounted;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 64k}) on {@code dir}, creating the folder. */
    public static Tmpfs mount(Path dir, String size) throws IOException {
        Files.createDirectories(dir);
        Tmpfs tmpfs = new Tmpfs(dir.toAbsolutePath());
        String error = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs",
                tmpfs.mountPoint.toString());
        if (error != null) {
            throw new AssertionError("cannot mount a tmpfs on " + dir + " (this test needs root with CAP_SYS_ADMIN, as "
                    + "CI has): " + error);
        }
        tmpfs.mounted = true;
        return tmpfs;
    }

    /** Grows (or shrinks) the file system in place; its files stay. */
    public void resize(String size) throws IOException {
        String error = run("mount", "-o", "remount,size=" + size, mountPoint.toString());
        if (error != null) {
            throw new AssertionError("cannot remount " + mountPoint + ": " + error);
        }
    }

    @Override
    public void close() throws IOException {
        if (mounted && run("umount", mountPoint.toString()) != null) {
            String error = run("umount", "-l", mountPoint.toString());
            if (error != null) {
                throw new AssertionError("cannot unmount " + mountPoint + ": " + error);
            }
        }
        mounted = false;
    }

    /** Runs a command; null when it succeeded, else its exit code and output. */
    private static String run(String... command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return notInstalled.getMessage();
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish in 30 s";
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return String.join(" ", command) + " interrupted";
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + output;
    }
}
