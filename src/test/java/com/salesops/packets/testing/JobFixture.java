package com.salesops.packets.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of a job test, made fresh for every test and removed after it: a source database
 * (MariaDB) with the source schema and a fixture script, an empty app database, an output folder,
 * and a {@link JobRun} over the three. Register it on an instance field:
 * {@code @RegisterExtension final JobFixture fixture = JobFixture.source("/fixtures/small-org.sql");}
 */
public final class JobFixture implements BeforeEachCallback, AfterEachCallback {

    private final String fixtureScript;
    private MariaDb source;
    private MariaDb app;
    private Path out;
    private JobRun job;

    private JobFixture(String fixtureScript) {
        this.fixtureScript = fixtureScript;
    }

    /** A source database holding {@code /db/source/schema.sql} and then {@code fixtureScript}. */
    public static JobFixture source(String fixtureScript) {
        return new JobFixture(fixtureScript);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        source = MariaDb.create("ap_src");
        source.runScript("/db/source/schema.sql");
        source.runScript(fixtureScript);
        app = MariaDb.create("ap_app");
        out = Files.createTempDirectory("packets-job-test-");
        job = new JobRun(source, app, out);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (source != null) {
                source.close();
            }
        } finally {
            try {
                if (app != null) {
                    app.close();
                }
            } finally {
                deleteTree(out);
            }
        }
    }

    public MariaDb sourceDb() {
        return source;
    }

    public MariaDb appDb() {
        return app;
    }

    public Path out() {
        return out;
    }

    public JobRun job() {
        return job;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
