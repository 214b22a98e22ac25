package com.salesops.packets.run;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.delivery.Delivery;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.DeliveryStatus;
import com.salesops.packets.delivery.MailSettings;
import com.salesops.packets.delivery.MessageIds;
import com.salesops.packets.delivery.PacketEmail;
import com.salesops.packets.delivery.PacketMailer;
import com.salesops.packets.delivery.SendFailures;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.RenderedPacket;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Team;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Emails every rendered packet to its manager, exactly once: the ledger gets a PENDING row per
 * email first, only rows not SENT are sent, and a temporary failure is retried with backoff. The
 * step fails (so the run can be restarted) if any email is still unsent after every packet was tried.
 */
final class DeliverPacketsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DeliverPacketsTasklet.class);

    private final RunContexts contexts;
    private final ResultStore results;
    private final PacketStore packets;
    private final DeliveryLedger ledger;
    private final PacketMailer mailer;
    private final MailSettings settings;
    private final Path outputDir;
    private final BooleanSupplier stopRequested;

    DeliverPacketsTasklet(RunContexts contexts, ResultStore results, PacketStore packets, DeliveryLedger ledger,
                          PacketMailer mailer, MailSettings settings, Path outputDir, BooleanSupplier stopRequested) {
        this.contexts = contexts;
        this.results = results;
        this.packets = packets;
        this.ledger = ledger;
        this.mailer = mailer;
        this.settings = settings;
        this.outputDir = outputDir;
        this.stopRequested = stopRequested;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        String runKey = Params.runKey(chunk);
        JobParameters parameters = chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters();
        String purpose = Params.deliveryPurpose(parameters);
        RunContexts.RunContext run = contexts.get(runKey);
        Map<String, PacketEmail> emails = new HashMap<>();
        for (RenderedPacket p : packets.rendered(runKey)) {
            Team team = run.org().team(p.teamId()).orElseThrow();
            Employee manager = run.org().employee(p.managerId()).orElseThrow();
            if (!manager.hasEmail()) {
                continue; // listed in the run summary
            }
            String recipient = manager.email().strip();
            emails.put(p.teamId() + "\n" + recipient, new PacketEmail(runKey, run.plan().asOf(), team.id(), team.name(),
                    manager.fullName(), recipient, List.of(), p.pdf(), p.xlsx()));
            ledger.ensure(runKey, team.id(), recipient, purpose, MessageIds.of(runKey, team.id(), recipient, purpose));
        }
        Map<String, List<NodeResult>> headlines = headlines(runKey);
        Path outbox = outputDir.resolve(runKey).resolve("outbox");
        int sent = 0;
        List<Delivery> unsentNow = ledger.unsent(runKey);
        chunk.getStepContext().getStepExecution().getExecutionContext().putLong(RunProgress.TOTAL, unsentNow.size());
        for (Delivery d : unsentNow) {
            if (!d.purpose().equals(purpose)) {
                continue;
            }
            if (stopRequested.getAsBoolean()) {
                // between two emails: end STOPPED; a restart sends only what the ledger shows unsent
                log.warn("{}: stop requested; {} emails sent before stopping", runKey, sent);
                chunk.getStepContext().getStepExecution().setTerminateOnly();
                return RepeatStatus.CONTINUABLE;
            }
            PacketEmail base = emails.get(d.teamId() + "\n" + d.recipient());
            if (base == null) {
                ledger.markFailed(d.id(), d.attempts(), true, "packet or manager email no longer present");
                continue;
            }
            PacketEmail email = new PacketEmail(base.runKey(), base.asOf(), base.teamId(), base.teamName(),
                    base.managerName(), base.recipient(), headlines.getOrDefault(d.teamId(), List.of()), base.pdf(),
                    base.xlsx());
            if (sendWithRetries(d, email, outbox)) {
                sent++;
                contribution.incrementWriteCount(1);
            }
        }
        long unsent = ledger.all(runKey).stream()
                .filter(d -> d.purpose().equals(purpose) && d.status() != DeliveryStatus.SENT).count();
        log.info("{}: {} emails sent now ({}), {} not sent", runKey, sent, mailer.usesSmtp() ? "SMTP" : "outbox " + outbox,
                unsent);
        if (unsent > 0) {
            throw new IllegalStateException(unsent + " packet email(s) of " + runKey
                    + " could not be sent; see the delivery ledger (status). Restart the run to retry them.");
        }
        return RepeatStatus.FINISHED;
    }

    private boolean sendWithRetries(Delivery d, PacketEmail email, Path outbox) throws InterruptedException {
        int attempts = d.attempts();
        Duration backoff = settings.retryBackoff();
        for (int i = 0; i < settings.maxAttempts(); i++) {
            attempts++;
            try {
                mailer.send(email, d.messageId(), outbox);
                ledger.markSent(d.id(), attempts);
                return true;
            } catch (Exception e) {
                boolean permanent = SendFailures.isPermanent(e);
                ledger.markFailed(d.id(), attempts, permanent, SendFailures.describe(e));
                log.warn("{}: email for team {} to {} failed (attempt {}, {}): {}", d.runKey(), d.teamId(),
                        d.recipient(), attempts, permanent ? "permanent" : "will retry", e.getMessage());
                if (permanent) {
                    return false;
                }
                if (i + 1 < settings.maxAttempts()) {
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2);
                }
            }
        }
        return false;
    }

    private Map<String, List<NodeResult>> headlines(String runKey) {
        Map<String, List<NodeResult>> byTeam = new HashMap<>();
        for (NodeResult r : results.rows(runKey)) {
            if (r.level() == Level.TEAM) {
                byTeam.computeIfAbsent(r.nodeId(), k -> new java.util.ArrayList<>()).add(r);
            }
        }
        return byTeam;
    }
}
