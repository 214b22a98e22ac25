package com.salesops.packets.run;

import com.salesops.packets.attainment.AttainmentCalculator;
import com.salesops.packets.attainment.AttainmentResults;
import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.changes.RunChanges;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.credit.LineSpool;
import com.salesops.packets.credit.Reconciliation;
import com.salesops.packets.credit.TeamDayTotals;
import com.salesops.packets.attainment.AttainmentSettings;
import com.salesops.packets.outputs.ResultFiles;
import com.salesops.packets.source.RunContexts;
import com.salesops.packets.source.SourceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Computes rep and team results for every window from the run's credit lines, checks the
 * reconciliation invariant (docs/numbers.md §9), stores the results and writes the CSV files, and the
 * changes since the previous run (docs/numbers.md §10, changes.csv), whose merge of both runs' lines
 * runs beside the results' pass.
 */
final class ComputeAttainmentTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ComputeAttainmentTasklet.class);

    private final RunContexts contexts;
    private final AttainmentSettings settings;
    private final SourceReader source;
    private final CreditStore credits;
    private final ResultStore results;
    private final RunChanges changes;
    private final Path outputDir;
    private final int fetchSize;

    ComputeAttainmentTasklet(RunContexts contexts, AttainmentSettings settings, SourceReader source,
                             CreditStore credits, ResultStore results, RunChanges changes, Path outputDir,
                             int fetchSize) {
        this.contexts = contexts;
        this.settings = settings;
        this.source = source;
        this.credits = credits;
        this.results = results;
        this.changes = changes;
        this.outputDir = outputDir;
        this.fetchSize = fetchSize;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        String runKey = Params.runKey(chunk);
        RunContexts.RunContext run = contexts.get(runKey);
        // The comparison with the previous run merges both runs' stored lines on a thread of its own while
        // the pass below computes this run's results, which it needs only at the end (docs/performance.md,
        // "Changes since the last run, beside the results").
        try (RunChanges.Comparing comparing = changes.begin(run.plan(), run.org(), fetchSize)) {
            AttainmentResults computed = computeAndStore(runKey, run, chunk);
            comparing.finish(computed.rows(), outputDir.resolve(runKey));
            contribution.incrementWriteCount(computed.rows().size());
        }
        return RepeatStatus.FINISHED;
    }

    /** One pass over the run's lines: results, team-day totals and the line spool; checked, stored and written. */
    private AttainmentResults computeAndStore(String runKey, RunContexts.RunContext run, ChunkContext chunk)
            throws Exception {
        AttainmentCalculator calculator = new AttainmentCalculator(run.plan(), run.org(), settings);
        List<String> broken = new ArrayList<>();
        long[] lines = {0};
        long[] bookings = {0};
        TeamDayTotals teamDays = new TeamDayTotals();
        // The one pass over the run's lines also spools them per team for the render step (docs/performance.md).
        LineSpool lineSpool = LineSpool.ofRun(outputDir, runKey);
        try (LineSpool.Writer spool = lineSpool.writer()) {
            credits.forEachBooking(runKey, fetchSize, booking -> {
                Reconciliation.check(booking.booking(), booking.lines()).ifPresent(broken::add);
                bookings[0]++;
                lines[0] += booking.lines().size();
                calculator.accept(booking.lines());
                booking.lines().forEach(teamDays::accept);
                spool.add(booking.booking(), booking.lines());
            });
            spool.finish();
        }
        log.info("{}: line spool of {} lines written to {} ({} MB; removed once every packet is rendered)", runKey,
                lines[0], lineSpool.dir(), lineSpool.bytes() / (1024 * 1024));
        AttainmentResults computed = calculator.finish();

        // Invariant (1): every booking the source holds for [S, D] is credited or rejected, never both.
        long read = source.countBookings(run.plan());
        // the pass above had one call per credited booking (its lines come together, in booking_id order):
        // credit_line's COUNT(DISTINCT booking_id) without reading the run's lines a second time (from disk
        // when they outgrow the buffer pool). Ids are told apart as Java strings, as everywhere in the job:
        // ids the app database's collation takes as equal ("X" and "X " under PAD SPACE) are counted apart.
        long credited = bookings[0];
        long rejected = credits.rejectedCount(runKey);
        long both = credits.creditedAndRejectedCount(runKey);
        ExecutionContext job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        job.putLong(Invariant.BOOKINGS_READ, read);
        job.putLong(Invariant.CREDITED, credited);
        job.putLong(Invariant.REJECTED, rejected);
        job.putLong(Invariant.LINES, lines[0]);
        job.putLong(Invariant.BROKEN, broken.size());
        if (read != credited + rejected || both != 0) {
            throw new InvariantBrokenException(String.format(
                    "Reconciliation failed for %s: %d bookings read, %d credited + %d rejected = %d, %d both",
                    runKey, read, credited, rejected, credited + rejected, both));
        }
        if (!broken.isEmpty()) {
            throw new InvariantBrokenException("Reconciliation failed for " + runKey + ": " + broken.size()
                    + " booking(s) whose PRIMARY lines do not add up, first: " + broken.get(0));
        }

        results.replace(runKey, computed);
        credits.replaceTeamDays(runKey, teamDays);
        Path dir = outputDir.resolve(runKey);
        ResultFiles.writeAttainment(dir.resolve("attainment.csv"), runKey, computed.rows());
        ResultFiles.writeRejects(dir.resolve("rejects.csv"), runKey, credits.rejects(runKey));
        ResultFiles.writeFlags(dir.resolve("flags.csv"), runKey, computed.flags());
        log.info("{}: {} bookings read = {} credited + {} rejected; {} lines; {} result rows, {} flags", runKey, read,
                credited, rejected, lines[0], computed.rows().size(), computed.flags().size());
        return computed;
    }
}
