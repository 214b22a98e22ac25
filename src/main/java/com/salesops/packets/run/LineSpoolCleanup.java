package com.salesops.packets.run;

import com.salesops.packets.credit.LineSpool;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Removes the run's line spool once every packet is rendered (docs/performance.md): only the render
 * step reads it. A render step that fails or stops keeps it for its restart.
 */
final class LineSpoolCleanup implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LineSpoolCleanup.class);

    private final Path outputDir;

    LineSpoolCleanup(Path outputDir) {
        this.outputDir = outputDir;
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
