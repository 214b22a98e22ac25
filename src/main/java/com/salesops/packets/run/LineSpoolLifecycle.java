package com.salesops.packets.run;

import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.credit.LineSpool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * The run's line spool around the render step (docs/performance.md): before the partitions start,
 * a spool that is missing (removed, or written by a compute step on another host's disk) is written
 * again from {@code credit_line}, so packets never fall back to a subtree query each; once every
 * packet is rendered, the spool is removed. A render step that fails or stops keeps it for its
 * restart.
 */
final class LineSpoolLifecycle implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LineSpoolLifecycle.class);

    private final Path outputDir;
    private final CreditStore credits;
    private final int fetchSize;

    LineSpoolLifecycle(Path outputDir, CreditStore credits, int fetchSize) {
        this.outputDir = outputDir;
        this.credits = credits;
        this.fetchSize = fetchSize;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String runKey = stepExecution.getJobParameters().getString(Params.RUN_KEY);
        LineSpool spool = LineSpool.ofRun(outputDir, runKey);
        if (spool.index().isEmpty()) {
            log.info("{}: no line spool in {}; writing it from the app database", runKey, spool.dir());
            try {
                spool.rebuild(credits, runKey, fetchSize);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the line spool " + spool.dir() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            String runKey = stepExecution.getJobParameters().getString(Params.RUN_KEY);
            LineSpool spool = LineSpool.ofRun(outputDir, runKey);
            try {
                spool.delete();
            } catch (IOException e) {
                // a cache left behind costs disk only; retention removes the run's folder
                log.warn("{}: could not remove the line spool {}: {}", runKey, spool.dir(), e.getMessage());
            }
        }
        return stepExecution.getExitStatus();
    }
}
