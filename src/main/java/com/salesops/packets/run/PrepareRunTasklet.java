package com.salesops.packets.run;

import com.salesops.packets.attainment.AttainmentCalculator;
import com.salesops.packets.attainment.AttainmentSettings;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.source.RunContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Resolves the run's windows, reads and validates the organisation and quotas (a broken hierarchy or
 * a quota without an FX rate fails here, before anything is written), and clears what an earlier
 * instance of the same run key left behind.
 */
final class PrepareRunTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PrepareRunTasklet.class);

    private final RunContexts contexts;
    private final AttainmentSettings settings;
    private final CreditStore credits;
    private final PacketStore packets;
    private final RunHistory history;
    private final Path outputDir;

    PrepareRunTasklet(RunContexts contexts, AttainmentSettings settings, CreditStore credits, PacketStore packets, RunHistory history,
                      Path outputDir) {
        this.contexts = contexts;
        this.settings = settings;
        this.credits = credits;
        this.packets = packets;
        this.history = history;
        this.outputDir = outputDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        String runKey = Params.runKey(chunk);
        RunContexts.RunContext run = contexts.get(runKey);
        // Building the calculator converts every quota: a currency without a rate fails the run now.
        new AttainmentCalculator(run.plan(), run.org(), settings);
        // a new instance of the key (a rerun) is nobody's previous run until it completes again
        history.forget(runKey);
        credits.deleteRun(runKey);
        packets.deleteRun(runKey);
        Files.createDirectories(outputDir.resolve(runKey));
        log.info("{}: as of {}, reading {} .. {}; {} employees, {} teams, {} memberships", runKey, run.plan().asOf(),
                run.plan().readStart(), run.plan().asOf(), run.org().employees().size(), run.org().teams().size(),
                run.org().memberships().size());
        return RepeatStatus.FINISHED;
    }
}
