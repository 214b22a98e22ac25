package com.salesops.packets.run;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.changes.ChangeStore;
import com.salesops.packets.delivery.Delivery;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.DeliveryStatus;
import com.salesops.packets.delivery.MailChannel;
import com.salesops.packets.delivery.PacketEmail;
import com.salesops.packets.delivery.PacketMailer;
import com.salesops.packets.delivery.PacketSender;
import com.salesops.packets.packet.PacketAssembler;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.RenderedPacket;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.Team;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Emails every rendered packet to its manager, exactly once: the ledger gets a PENDING row per
 * email first, only rows not SENT are sent (over one reused SMTP connection), and a temporary
 * failure is retried with backoff. The step fails (so the run can be restarted) if any email is
 * still unsent after every packet was tried.
 */
final class DeliverPacketsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DeliverPacketsTasklet.class);

    private final RunContexts contexts;
    private final ResultStore results;
    private final PacketStore packets;
    private final ChangeStore changes;
    private final DeliveryLedger ledger;
    private final PacketMailer mailer;
    private final PacketSender sender;
    private final Path outputDir;
    private final BooleanSupplier stopRequested;

    DeliverPacketsTasklet(RunContexts contexts, ResultStore results, PacketStore packets, ChangeStore changes,
                          DeliveryLedger ledger,
                          PacketMailer mailer, PacketSender sender, Path outputDir, BooleanSupplier stopRequested) {
        this.contexts = contexts;
        this.results = results;
        this.packets = packets;
        this.changes = changes;
        this.ledger = ledger;
        this.mailer = mailer;
        this.sender = sender;
        this.outputDir = outputDir;
        this.stopRequested = stopRequested;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        String runKey = Params.runKey(chunk);
        JobParameters parameters = chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters();
        String purpose = Params.deliveryPurpose(parameters);
        RunContexts.RunContext run = contexts.get(runKey);
        Map<String, List<NodeResult>> headlines = headlines(results, runKey);
        Function<String, String> changeLines = changes.emailLines(runKey, run.plan().type(),
                run.org().fx().baseCurrency());
        Map<String, PacketEmail> emails = new HashMap<>();
        for (RenderedPacket p : packets.rendered(runKey)) {
            email(run, p, headlines, changeLines).ifPresent(email -> {
                emails.put(key(email.teamId(), email.recipient()), email);
                ledger.ensure(runKey, email.teamId(), email.recipient(), purpose,
                        mailer.messageId(runKey, email.teamId(), email.recipient(), purpose));
            });
        }
        Path outbox = outputDir.resolve(runKey).resolve("outbox");
        int sent = 0;
        String via;
        List<Delivery> unsentNow = ledger.unsent(runKey);
        chunk.getStepContext().getStepExecution().getExecutionContext().putLong(RunProgress.TOTAL, unsentNow.size());
        try (MailChannel channel = mailer.open(outbox)) {
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
                PacketEmail email = emails.get(key(d.teamId(), d.recipient()));
                if (email == null) {
                    // the manager's address (or the manager) changed in the source since this row was made
                    ledger.markSuperseded(d.id(), "team " + d.teamId() + " no longer has a packet for " + d.recipient());
                    continue;
                }
                if (sender.deliver(d, email, channel) == DeliveryStatus.SENT) {
                    sent++;
                    contribution.incrementWriteCount(1);
                }
            }
            via = channel.describe();
        }
        List<Delivery> unsent = ledger.all(runKey).stream()
                .filter(d -> d.purpose().equals(purpose) && d.status() != DeliveryStatus.SENT
                        && !DeliveryLedger.superseded(d))
                .toList();
        log.info("{}: {} emails sent now via {}, {} not sent", runKey, sent, via, unsent.size());
        if (!unsent.isEmpty()) {
            throw new IllegalStateException(unsent.size() + " packet email(s) of " + runKey + " not sent: "
                    + unsent.stream().map(d -> d.teamId() + " " + d.status()).toList()
                    + "; see the delivery ledger. Run the same command again to retry them.");
        }
        return RepeatStatus.FINISHED;
    }

    /** The email of a rendered packet, or none when its manager has no email address (listed in the run summary). */
    static Optional<PacketEmail> email(RunContexts.RunContext run, RenderedPacket p,
                                       Map<String, List<NodeResult>> headlines) {
        return email(run, p, headlines, teamId -> null);
    }

    /** @param changeLines the line on changes since the previous run of each team's email (null: none) */
    static Optional<PacketEmail> email(RunContexts.RunContext run, RenderedPacket p,
                                       Map<String, List<NodeResult>> headlines, Function<String, String> changeLines) {
        Team team = run.org().team(p.teamId()).orElseThrow();
        Optional<Employee> manager = run.org().employee(p.managerId());
        if (manager.isEmpty() || !manager.get().hasEmail()) {
            return Optional.empty();
        }
        Set<String> subtree = PacketAssembler.subtreeOf(run.org(), team.id());
        List<NodeResult> reps = headlines.getOrDefault(REPS, List.of()).stream()
                .filter(r -> r.teamId().filter(subtree::contains).isPresent()).toList();
        return Optional.of(new PacketEmail(p.runKey(), run.plan().asOf(), team.id(), team.name(),
                manager.get().fullName(), manager.get().email().strip(), headlines.getOrDefault(team.id(), List.of()),
                p.pdf(), p.xlsx(), run.org().fx().baseCurrency(), reps,
                Optional.ofNullable(changeLines.apply(team.id()))));
    }

    private static String key(String teamId, String recipient) {
        return teamId + "\n" + recipient;
    }

    /** The key under which {@link #headlines} keeps every REP row (team ids never start with a NUL). */
    private static final String REPS = "\u0000reps";

    /** TEAM rows by team id, and every REP row under {@link #REPS}. */
    static Map<String, List<NodeResult>> headlines(ResultStore results, String runKey) {
        Map<String, List<NodeResult>> byTeam = new HashMap<>();
        for (NodeResult r : results.rows(runKey)) {
            if (r.level() == Level.TEAM) {
                byTeam.computeIfAbsent(r.nodeId(), k -> new java.util.ArrayList<>()).add(r);
            } else {
                byTeam.computeIfAbsent(REPS, k -> new java.util.ArrayList<>()).add(r);
            }
        }
        return byTeam;
    }
}
