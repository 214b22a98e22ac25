package com.salesops.packets.testing;

import com.salesops.packets.AttainmentPacketsApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs the CLI against a source and an app database (MariaDB) and an output folder, as cron would. */
public final class JobRun {

    private final MariaDb source;
    private final MariaDb app;
    private final Path out;
    private final List<String> extra = new ArrayList<>();
    private String sourceUrlSuffix = "";

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
     * gate's default 10 %: tests about something else turn that rule off (guard/DeliveryGateJobTest tests it).
     */
    public static final String REJECT_RULE_OFF = "--packets.guard.max-reject-pct=0";

    /** Adds {@code --key=value} arguments to every later command. */
    public JobRun with(String... args) {
        extra.addAll(Arrays.asList(args));
        return this;
    }

    public int run(String... command) {
        List<String> a = new ArrayList<>(Arrays.asList(command));
        a.add("--spring.datasource.url=" + app.url());
        a.add("--spring.datasource.username=" + app.user());
        a.add("--spring.datasource.password=" + app.password());
        a.add("--packets.source.url=" + source.url() + sourceUrlSuffix);
        a.add("--packets.source.username=" + source.user());
        a.add("--packets.source.password=" + source.password());
        a.add("--packets.output.dir=" + out);
        a.add(REJECT_RULE_OFF);
        a.addAll(extra);
        return AttainmentPacketsApplication.run(a.toArray(String[]::new));
    }

    public Path runDir(String runKey) {
        return out.resolve(runKey);
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
