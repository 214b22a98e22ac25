package com.salesops.packets.run;

import static com.salesops.packets.run.FeatureConfiguration.outputDir;

import com.salesops.packets.attainment.AttainmentSettings;
import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.changes.ChangeStore;
import com.salesops.packets.changes.RunChanges;
import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.credit.CreditOutcome;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.credit.LineSpool;
import com.salesops.packets.credit.Crediting;
import com.salesops.packets.delivery.AllSentCheck;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.DeliveryWriter;
import com.salesops.packets.delivery.MailSettings;
import com.salesops.packets.delivery.OpsMailer;
import com.salesops.packets.delivery.PacketDelivery;
import com.salesops.packets.delivery.PacketMailer;
import com.salesops.packets.delivery.UnsentDeliveries;
import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.DeliveryGateTasklet;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.packet.PacketAssembler;
import com.salesops.packets.packet.PacketRenderer;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.RenderPartitions;
import com.salesops.packets.packet.UnrenderedTeams;
import com.salesops.packets.remote.RemoteRendering;
import com.salesops.packets.remote.RenderWorker;
import com.salesops.packets.retention.Purge;
import com.salesops.packets.source.BookingReader;
import com.salesops.packets.source.RunContexts;
import com.salesops.packets.source.SourceDatabase;
import com.salesops.packets.source.SourceReader;
import com.salesops.packets.source.Team;
import com.salesops.packets.support.JdbcStreaming;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one job: prepare → extract & credit → compute attainment → render packets → delivery gate →
 * deliver → summary ({@code docs/architecture.md}). Identified by its run key alone (no
 * incrementer): launching a key again restarts it. Render and deliver are chunk-oriented steps whose
 * items are one packet or one email, so stop, counts and restart come from Spring Batch.
 */
@Configuration(proxyBeanMethods = false)
public class SalesPerformanceJobConfiguration {

    public static final String JOB_NAME = "salesPerformanceJob";

    private static final String RUN_KEY = "#{jobParameters['" + Params.RUN_KEY + "']}";

    @Bean
    WriteSummaryTasklet runSummary(RunContexts contexts, PacketStore packets, DeliveryLedger ledger,
                                   JobRepository jobRepository, DeliveryGate gate, PacketsProperties p) {
        return new WriteSummaryTasklet(contexts, packets, ledger, jobRepository, gate, outputDir(p));
    }

    @Bean
    RunReportListener runReportListener(PacketStore packets, DeliveryLedger ledger, PacketMailer mailer,
                                        MailSettings settings, WriteSummaryTasklet runSummary, DeliveryGate gate,
                                        PacketsProperties p) {
        return new RunReportListener(packets, ledger, new OpsMailer(mailer, settings), runSummary, gate, outputDir(p));
    }

    @Bean
    RunProgress runProgress(SourceReader source, RunContexts contexts) {
        return new RunProgress(source, contexts);
    }

    /** A run that completed becomes a later run's previous run (docs/numbers.md §10). */
    @Bean
    JobExecutionListener runHistoryListener(RunHistory history, RunContexts contexts) {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution execution) {
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    history.recordCompleted(contexts.plan(Params.runKey(execution)));
                }
            }
        };
    }

    @Bean
    JobRunGuard runGuard(JobRepository jobRepository, RunLock lock, RunHistory history, RunContexts contexts) {
        return new JobRunGuard(jobRepository, lock, history, contexts);
    }

    @Bean
    PurgeAfterRun purgeAfterRun(Purge purge, PacketsProperties p) {
        return new PurgeAfterRun(purge, p.retention().purgeAfterRun());
    }

    @Bean
    Job salesPerformanceJob(JobRepository jobRepository, Step prepareRunStep, Step extractCreditsStep,
                            Step computeAttainmentStep, Step renderPacketsStep, Step deliveryGateStep,
                            Step deliverPacketsStep,
                            Step writeSummaryStep, RunReportListener runReportListener, RunProgress progress,
                            JobExecutionListener runHistoryListener, PurgeAfterRun purgeAfterRun, RunLock lock,
                            GracefulStop stop) {
        // afterJob runs in the reverse order: the history records the run, then the purge, then the ops email
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(stop)
                .listener(new RunLockListener(lock))
                .listener(progress)
                .listener(runReportListener)
                .listener(purgeAfterRun)
                .listener(runHistoryListener)
                .start(prepareRunStep)
                .next(extractCreditsStep)
                .next(computeAttainmentStep)
                .next(renderPacketsStep)
                .next(deliveryGateStep)
                .next(deliverPacketsStep)
                .next(writeSummaryStep)
                .build();
    }

    @Bean
    Step prepareRunStep(JobRepository jobRepository, PlatformTransactionManager tx, RunContexts contexts,
                        AttainmentSettings settings, CreditStore credits, PacketStore packets, RunHistory history,
                        PacketsProperties p, RunProgress progress) {
        return new StepBuilder(Steps.PREPARE, jobRepository)
                .tasklet(new PrepareRunTasklet(contexts, settings, credits, packets, history, outputDir(p)), tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    @Bean
    Step extractCreditsStep(JobRepository jobRepository, PlatformTransactionManager tx,
                            BookingReader<CreditOutcome> creditingReader, ItemWriter<CreditOutcome> creditWriter,
                            PacketsProperties p, RunProgress progress) {
        return new StepBuilder(Steps.EXTRACT, jobRepository)
                .<CreditOutcome, CreditOutcome>chunk(p.extract().chunkSize())
                .transactionManager(tx)
                .reader(creditingReader)
                .writer(creditWriter)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    /** The run's bookings, credited on the reader's own thread while the step writes the chunk before. */
    @Bean
    @StepScope
    BookingReader<CreditOutcome> creditingReader(@Value(RUN_KEY) String runKey, SourceDatabase source,
                                                 RunContexts contexts) {
        RunContexts.RunContext run = contexts.get(runKey);
        return new BookingReader<>(source, run.plan(), new Crediting(run.plan(), run.org())::credit);
    }

    @Bean
    @StepScope
    ItemWriter<CreditOutcome> creditWriter(@Value(RUN_KEY) String runKey, CreditStore credits) {
        return chunk -> credits.save(runKey, chunk.getItems());
    }

    @Bean
    Step computeAttainmentStep(JobRepository jobRepository, PlatformTransactionManager tx, RunContexts contexts,
                               AttainmentSettings settings, SourceReader source, CreditStore credits,
                               ResultStore results, RunChanges changes, PacketsProperties p,
                               DataSourceProperties app, RunProgress progress) {
        return new StepBuilder(Steps.COMPUTE, jobRepository)
                .tasklet(new ComputeAttainmentTasklet(contexts, settings, source, credits, results, changes,
                        outputDir(p),
                        JdbcStreaming.fetchSize(app.getUrl())), tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    /**
     * Renders in parallel: {@code packets.render.partitions} partitions, each a step execution of
     * its own, so a restart re-runs only the partitions that did not complete (and within them,
     * only the packets not yet RENDERED). Local mode: on {@code packets.render.threads} threads.
     * Remote mode (docs/architecture.md): one message per partition for {@code worker} processes; this
     * step is the manager, polling the job repository.
     */
    @Bean
    Step renderPacketsStep(JobRepository jobRepository, Step renderPacketPartitionStep, PacketsProperties p,
                           RunProgress progress, ObjectProvider<RemoteRendering> remote, CreditStore credits,
                           DataSourceProperties app) {
        LineSpoolLifecycle spool = new LineSpoolLifecycle(outputDir(p), credits, JdbcStreaming.fetchSize(app.getUrl()));
        if (p.render().mode() == PacketsProperties.RenderMode.REMOTE) {
            return remote.getObject().managerStep(Steps.RENDER, Steps.RENDER_PARTITION,
                    new RenderPartitions(p.excel().maxDealRows()), p.render().partitions(), new StepTimer(), progress,
                    spool);
        }
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("render-");
        threads.setConcurrencyLimit(p.render().threads());
        return new StepBuilder(Steps.RENDER, jobRepository)
                .partitioner(Steps.RENDER_PARTITION, new RenderPartitions(p.excel().maxDealRows()))
                .step(renderPacketPartitionStep)
                .gridSize(p.render().partitions())
                .taskExecutor(threads)
                .listener(new StepTimer())
                .listener(progress)
                .listener(spool)
                .build();
    }

    /**
     * One packet per chunk: its row commits alone, and a stop ends the partition after the packet in
     * hand. In remote mode this step runs on the workers (Spring Batch's worker step builder).
     */
    @Bean
    Step renderPacketPartitionStep(JobRepository jobRepository, PlatformTransactionManager tx,
                                   UnrenderedTeams unrenderedTeams, ItemWriter<Team> packetWriter,
                                   RunProgress progress, GracefulStop stop, PacketsProperties p,
                                   ObjectProvider<RemoteRendering> remote, ObjectProvider<RenderWorker> worker,
                                   RunContexts contexts) {
        // a worker serves runs for months: between partitions it lets go of the runs' orgs (a rerun
        // after a data fix, or the next night, reads its own afresh)
        worker.ifAvailable(w -> w.whenIdle(contexts::forgetAll));
        StepBuilder builder = p.render().mode() == PacketsProperties.RenderMode.REMOTE
                ? remote.getObject().workerStep(Steps.RENDER_PARTITION)
                : new StepBuilder(Steps.RENDER_PARTITION, jobRepository);
        return builder
                .<Team, Team>chunk(1)
                .transactionManager(tx)
                .reader(unrenderedTeams)
                .writer(packetWriter)
                .interruptionPolicy(stop)
                .listener(progress)
                .build();
    }

    /** Holds delivery when the run's figures look wrong (guard/DeliveryGateRules); a held run ends here, exit 1. */
    @Bean
    Step deliveryGateStep(JobRepository jobRepository, PlatformTransactionManager tx, DeliveryGate gate,
                          RunContexts contexts, RunProgress progress) {
        return new StepBuilder(Steps.GATE, jobRepository)
                .tasklet(new DeliveryGateTasklet(gate, contexts::plan,
                        job -> Invariant.credited(jobRepository, job), Params.RUN_KEY), tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    @Bean
    @StepScope
    UnrenderedTeams unrenderedTeams(@Value(RUN_KEY) String runKey, RunContexts contexts, AttainmentSettings settings,
                                    ResultStore results, PacketStore packets, CreditStore credits,
                                    ChangeStore changes, PacketsProperties p) {
        RunContexts.RunContext run = contexts.get(runKey);
        PacketAssembler assembler = new PacketAssembler(run.plan(), run.org(), results.rows(runKey),
                results.flags(runKey), results.months(runKey), credits, LineSpool.ofRun(outputDir(p), runKey),
                p.excel().maxDealRows(),
                changes.forRun(runKey), settings::planOf);
        return new UnrenderedTeams(assembler, packets, runKey);
    }

    @Bean
    @StepScope
    ItemWriter<Team> packetWriter(@Value(RUN_KEY) String runKey, UnrenderedTeams unrenderedTeams,
                                  PacketRenderer renderer) {
        return chunk -> {
            for (Team team : chunk) {
                renderer.render(runKey, unrenderedTeams.assembler(), team);
            }
        };
    }

    /** One email per chunk: its ledger update commits alone; a stop ends the step after the email in hand. */
    @Bean
    Step deliverPacketsStep(JobRepository jobRepository, PlatformTransactionManager tx,
                            UnsentDeliveries unsentDeliveries, DeliveryWriter deliveryWriter, DeliveryLedger ledger,
                            RunProgress progress, GracefulStop stop) {
        return new StepBuilder(Steps.DELIVER, jobRepository)
                .<PacketDelivery.Outgoing, PacketDelivery.Outgoing>chunk(1)
                .transactionManager(tx)
                .reader(unsentDeliveries)
                .writer(deliveryWriter)
                .interruptionPolicy(stop)
                .listener(new AllSentCheck(ledger))
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    @Bean
    @StepScope
    UnsentDeliveries unsentDeliveries(@Value(RUN_KEY) String runKey,
                                      @Value("#{jobParameters['" + Params.RERUN + "']}") Long rerun,
                                      @Value("#{jobParameters['" + Params.PURPOSE + "']}") String inheritedPurpose,
                                      RunContexts contexts, PacketDelivery delivery) {
        return new UnsentDeliveries(delivery, contexts.get(runKey), Params.deliveryPurpose(rerun, inheritedPurpose));
    }

    @Bean
    @StepScope
    DeliveryWriter deliveryWriter(@Value(RUN_KEY) String runKey, PacketDelivery delivery) {
        return new DeliveryWriter(delivery, runKey);
    }

    @Bean
    Step writeSummaryStep(JobRepository jobRepository, PlatformTransactionManager tx, WriteSummaryTasklet runSummary,
                          RunProgress progress) {
        return new StepBuilder(Steps.SUMMARY, jobRepository)
                .tasklet(runSummary, tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }
}
