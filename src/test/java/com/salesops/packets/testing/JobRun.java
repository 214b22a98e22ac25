package com.salesops.packets.testing;

import com.salesops.packets.AttainmentPacketsApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs the CLI against a source and an app database (MariaDB) and an output folder, as cron would. */
public final class JobRun {

    /**
     * "Today" for every command unless a test sets its own ({@link #today}): the day after the fixtures'
     * as-of dates, so what retention keeps never depends on the real date.
     */
    public static final Clock DEFAULT_TODAY = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    private final MariaDb source;
    private final MariaDb app;
    private final Path out;
    private final List<String> extra = new ArrayList<>();
    private String sourceUrlSuffix = "";
    private String appUrlSuffix = "";
    private Clock clock = DEFAULT_TODAY;
    private boolean rejectRuleOff = true;

    public JobRun(MariaDb source, MariaDb app, Path out) {
        this.source = source;
        this.app = app;
        this.out = out;
    }

    /** Appends JDBC URL options to the source URL, e.g. {@code &useCursorFetch=true}. */
    public JobRun sourceUrlOptions(String suffix) {
        this.sourceUrlSuffix = suffix;
        return this;
    }

    /**
     * The fixtures reject bookings on purpose (small-org: 2 of the 6 it reads), more than the delivery
     * gate's default 10 %: tests about something else turn that rule off, as {@link #run} does unless
     * {@link #withRejectRule} (guard/DeliveryGateJobTest tests the rule).
     */
    public static final String REJECT_RULE_OFF = "--packets.guard.max-reject-pct=0";

    /** Leaves the delivery gate's reject rule as configured (not {@link #REJECT_RULE_OFF}) for every later command. */
    public JobRun withRejectRule() {
        this.rejectRuleOff = false;
        return this;
    }

    /** Appends JDBC URL options to the app database URL, e.g. {@code &sessionVariables=...}. */
    public JobRun appUrlOptions(String suffix) {
        this.appUrlSuffix = suffix;
        return this;
    }

    /** Every later command runs on this day (noon UTC): what retention counts back from. */
    public JobRun today(LocalDate day) {
        this.clock = Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return this;
    }

    /** Adds {@code --key=value} arguments to every later command. */
    public JobRun with(String... args) {
        extra.addAll(Arrays.asList(args));
        return this;
    }

    public int run(String... command) {
        List<String> a = new ArrayList<>(Arrays.asList(command));
        a.add("--spring.datasource.url=" + app.url() + appUrlSuffix);
        a.add("--spring.datasource.username=" + app.user());
        a.add("--spring.datasource.password=" + app.password());
        a.add("--packets.source.url=" + source.url() + sourceUrlSuffix);
        a.add("--packets.source.username=" + source.user());
        a.add("--packets.source.password=" + source.password());
        a.add("--packets.output.dir=" + out);
        if (rejectRuleOff) {
            a.add(REJECT_RULE_OFF);
        }
        a.addAll(extra);
        return AttainmentPacketsApplication.run(clock, a.toArray(String[]::new));
    }

    /** A command's exit code and everything it printed (standard output and error, the log included). */
    public record Output(int exit, String text) {
    }

    /** Runs a command as {@link #run} does, capturing what it prints. */
    public Output runCapturing(String... command) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        int exit;
        try {
            exit = run(command);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        originalOut.print(text);
        return new Output(exit, text);
    }

    public Path runDir(String runKey) {
        return out.resolve(runKey);
    }

    /**
     * Puts a file where a team's packet folder of a run goes, so rendering that packet fails until
     * the returned file is deleted.
     */
    public Path blockPacketFolder(String runKey, String teamId) throws IOException {
        Path blocker = runDir(runKey).resolve("packets").resolve(teamId);
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "in the way");
        return blocker;
    }

    public JdbcTemplate appDb() {
        return new JdbcTemplate(app.dataSource());
    }

    /** The exit message of the latest job execution, as the job repository holds it. */
    public String lastExitMessage() {
        return appDb().queryForObject("SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1",
                String.class);
    }

    public String lastStatus() {
        return appDb().queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1",
                String.class);
    }
}
