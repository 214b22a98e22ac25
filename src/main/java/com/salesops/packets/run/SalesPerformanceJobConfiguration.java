package com.salesops.packets.run;

import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.changes.ChangeStore;
import com.salesops.packets.changes.RunChanges;
import com.salesops.packets.config.PacketsProperties;
import com.salesops.packets.credit.CreditOutcome;
import com.salesops.packets.credit.CreditStore;
import com.salesops.packets.credit.Crediting;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.MailSettings;
import com.salesops.packets.delivery.OpsMailer;
import com.salesops.packets.delivery.PacketMailer;
import com.salesops.packets.delivery.PacketSender;
import com.salesops.packets.delivery.SmtpChannel;
import com.salesops.packets.guard.DeliveryGate;
import com.salesops.packets.guard.DeliveryGateTasklet;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.excel.ExcelPacketWriter;
import com.salesops.packets.packet.pdf.PdfPacketWriter;
import com.salesops.packets.retention.Purge;
import com.salesops.packets.source.Booking;
import com.salesops.packets.source.BookingReader;
import com.salesops.packets.source.SourceDatabase;
import com.salesops.packets.source.SourceReader;
import com.salesops.packets.support.JdbcStreaming;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one job: prepare → extract & credit → compute attainment → render packets → delivery gate →
 * deliver → summary. Identified by its run key alone (no incrementer): launching a key again restarts it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PacketsProperties.class)
public class SalesPerformanceJobConfiguration {

    public static final String JOB_NAME = "salesPerformanceJob";

    @Bean(destroyMethod = "close")
    SourceDatabase sourceDatabase(PacketsProperties p) {
        return new SourceDatabase(p.source().url(), p.source().username(), p.source().password(),
                p.source().sqlLocation());
    }

    @Bean
    RunContexts runContexts(PacketsProperties p, SourceDatabase source) {
        return new RunContexts(Settings.calendar(p), new SourceReader(source), p.baseCurrency(), Settings.attainment(p));
    }

    @Bean
    CreditStore creditStore(DataSource app) {
        return new CreditStore(app);
    }

    @Bean
    ResultStore resultStore(DataSource app) {
        return new ResultStore(app);
    }

    @Bean
    ChangeStore changeStore(DataSource app) {
        return new ChangeStore(app);
    }

    @Bean
    RunChanges runChanges(RunHistory history, CreditStore credits, ResultStore results, ChangeStore changes) {
        return new RunChanges(history, credits, results, changes);
    }

    @Bean
    RunHistory runHistory(DataSource app, CreditStore credits, ResultStore results) {
        return new RunHistory(app, credits, results);
    }

    /** A run that completed becomes a later run's previous run (DESIGN §4.10). */
    @Bean
    JobExecutionListener runHistoryListener(RunHistory history, RunContexts contexts) {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution execution) {
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    history.recordCompleted(contexts.plan(execution.getJobParameters().getString(Params.RUN_KEY)));
                }
            }
        };
    }

    @Bean
    PacketStore packetStore(DataSource app, PlatformTransactionManager transactions) {
        return new PacketStore(app, transactions);
    }

    @Bean
    DeliveryLedger deliveryLedger(DataSource app, PlatformTransactionManager transactions) {
        return new DeliveryLedger(app, transactions);
    }

    @Bean
    MailSettings mailSettings(PacketsProperties p) {
        return Settings.mail(p);
    }

    @Bean
    PacketMailer packetMailer(MailSettings settings, ObjectProvider<JavaMailSender> smtp) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl) {
            SmtpChannel.applyTimeoutDefaults(impl);
        }
        return new PacketMailer(settings, Optional.ofNullable(sender));
    }

    @Bean
    PacketSender packetSender(PacketMailer mailer, DeliveryLedger ledger, MailSettings settings) {
        return new PacketSender(mailer, ledger, settings);
    }

    @Bean
    PacketResender packetResender(RunContexts contexts, ResultStore results, PacketStore packets, DeliveryLedger ledger,
                                  PacketMailer mailer, PacketSender sender, RunHistory history, PacketsProperties p) {
        return new PacketResender(contexts, results, packets, ledger, mailer, sender, history, outputDir(p));
    }

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
    RunLock runLock(DataSource app, PlatformTransactionManager transactions) {
        return new RunLock(app, transactions);
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
    RunProgress runProgress(SourceDatabase source, RunContexts contexts, RunLock lock, GracefulStop stop) {
        return new RunProgress(source, contexts, lock, stop);
    }

    @Bean
    Job salesPerformanceJob(JobRepository jobRepository, Step prepareRunStep, Step extractCreditsStep,
                            Step computeAttainmentStep, Step renderPacketsStep, Step deliveryGateStep,
                            Step deliverPacketsStep,
                            Step writeSummaryStep, RunReportListener runReportListener, RunProgress progress,
                            JobExecutionListener runHistoryListener, PurgeAfterRun purgeAfterRun) {
        // afterJob runs in the reverse order: the history records the run, then the purge, then the ops email
        return new JobBuilder(JOB_NAME, jobRepository)
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
                        CreditStore credits, PacketStore packets, RunHistory history, PacketsProperties p,
                        RunProgress progress) {
        return new StepBuilder("prepareRunStep", jobRepository)
                .tasklet(new PrepareRunTasklet(contexts, credits, packets, history, outputDir(p)), tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    @Bean
    Step extractCreditsStep(JobRepository jobRepository, PlatformTransactionManager tx, BookingReader bookingReader,
                            ItemProcessor<Booking, CreditOutcome> creditingProcessor,
                            ItemWriter<CreditOutcome> creditWriter, PacketsProperties p,
                            RunProgress progress) {
        return new StepBuilder("extractCreditsStep", jobRepository)
                .<Booking, CreditOutcome>chunk(p.extract().chunkSize())
                .transactionManager(tx)
                .reader(bookingReader)
                .processor(creditingProcessor)
                .writer(creditWriter)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    @Bean
    @StepScope
    BookingReader bookingReader(@Value("#{jobParameters['runKey']}") String runKey, SourceDatabase source,
                                RunContexts contexts) {
        return new BookingReader(source, contexts.plan(runKey));
    }

    @Bean
    @StepScope
    ItemProcessor<Booking, CreditOutcome> creditingProcessor(@Value("#{jobParameters['runKey']}") String runKey,
                                                             RunContexts contexts) {
        RunContexts.RunContext run = contexts.get(runKey);
        Crediting crediting = new Crediting(run.plan(), run.org());
        return crediting::credit;
    }

    @Bean
    @StepScope
    ItemWriter<CreditOutcome> creditWriter(@Value("#{jobParameters['runKey']}") String runKey, CreditStore credits) {
        return chunk -> credits.save(runKey, chunk.getItems());
    }

    @Bean
    Step computeAttainmentStep(JobRepository jobRepository, PlatformTransactionManager tx, RunContexts contexts,
                               SourceDatabase source, CreditStore credits, ResultStore results, RunChanges changes,
                               PacketsProperties p, DataSourceProperties app, RunProgress progress) {
        return new StepBuilder("computeAttainmentStep", jobRepository)
                .tasklet(new ComputeAttainmentTasklet(contexts, source, credits, results, changes, outputDir(p),
                        JdbcStreaming.fetchSize(app.getUrl())), tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    /**
     * Renders in parallel: one partition per thread ({@code packets.render.threads}), each a step
     * execution of its own, so a restart re-runs only the partitions that did not complete (and
     * within them, only the packets not yet RENDERED).
     */
    @Bean
    Step renderPacketsStep(JobRepository jobRepository, Step renderPacketPartitionStep, PacketsProperties p,
                           RunProgress progress) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("render-");
        threads.setConcurrencyLimit(p.render().threads());
        return new StepBuilder("renderPacketsStep", jobRepository)
                .partitioner("renderPacketPartitionStep", new RenderPartitions())
                .step(renderPacketPartitionStep)
                .gridSize(p.render().threads())
                .taskExecutor(threads)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    @Bean
    Step renderPacketPartitionStep(JobRepository jobRepository, PlatformTransactionManager tx, RunContexts contexts,
                                   ResultStore results, PacketStore packets, ChangeStore changes, DataSource app,
                                   PacketsProperties p, RunProgress progress, GracefulStop stop) {
        Supplier<ExcelPacketWriter> excel = memoize(ExcelPacketWriter::new);
        Supplier<PdfPacketWriter> pdf = memoize(() -> new PdfPacketWriter(p.pdf().maxListedReps()));
        return new StepBuilder("renderPacketPartitionStep", jobRepository)
                .tasklet(new RenderPacketsTasklet(contexts, results, packets, changes, app, excel, pdf,
                        outputDir(p), p.excel().maxDealRows(), stop), tx)
                .listener(progress)
                .build();
    }

    /** Holds delivery when the run's figures look wrong (guard/DeliveryGateRules); a held run ends here, exit 1. */
    @Bean
    Step deliveryGateStep(JobRepository jobRepository, PlatformTransactionManager tx, DeliveryGate gate,
                          RunContexts contexts, RunProgress progress) {
        return new StepBuilder("deliveryGateStep", jobRepository)
                .tasklet(new DeliveryGateTasklet(gate, contexts::plan, Params.RUN_KEY), tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    @Bean
    Step deliverPacketsStep(JobRepository jobRepository, PlatformTransactionManager tx, RunContexts contexts,
                            ResultStore results, PacketStore packets, ChangeStore changes, DeliveryLedger ledger,
                            PacketMailer mailer, PacketSender sender, PacketsProperties p, RunProgress progress,
                            GracefulStop stop) {
        return new StepBuilder("deliverPacketsStep", jobRepository)
                .tasklet(new DeliverPacketsTasklet(contexts, results, packets, changes, ledger, mailer, sender,
                        outputDir(p), stop::requested), tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    @Bean
    Step writeSummaryStep(JobRepository jobRepository, PlatformTransactionManager tx, WriteSummaryTasklet runSummary,
                          RunProgress progress) {
        return new StepBuilder("writeSummaryStep", jobRepository)
                .tasklet(runSummary, tx)
                .listener(new StepTimer())
                .listener(progress)
                .build();
    }

    private static Path outputDir(PacketsProperties p) {
        return p.output().dir().toAbsolutePath().normalize();
    }

    /** Templates compile once per JVM, on first use (not at start-up: status and validate-config stay fast). */
    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
