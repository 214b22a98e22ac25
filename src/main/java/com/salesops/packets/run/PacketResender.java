package com.salesops.packets.run;

import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.delivery.Delivery;
import com.salesops.packets.delivery.DeliveryLedger;
import com.salesops.packets.delivery.DeliveryStatus;
import com.salesops.packets.delivery.MailChannel;
import com.salesops.packets.delivery.PacketEmail;
import com.salesops.packets.delivery.PacketMailer;
import com.salesops.packets.delivery.PacketSender;
import com.salesops.packets.history.HistoryEntry;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.RenderedPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code resend --run <run-key> --team <team-id>}: sends one rendered packet again, on purpose,
 * under a new ledger row (purpose RESEND-n) to the manager's current address. Exit 0 when sent,
 * 1 when the send failed, 2 for an unknown run or team or a packet that was not rendered.
 */
public final class PacketResender {

    private static final Logger log = LoggerFactory.getLogger(PacketResender.class);

    private final RunContexts contexts;
    private final ResultStore results;
    private final PacketStore packets;
    private final DeliveryLedger ledger;
    private final PacketMailer mailer;
    private final PacketSender sender;
    private final RunHistory history;
    private final Path outputDir;

    PacketResender(RunContexts contexts, ResultStore results, PacketStore packets, DeliveryLedger ledger,
                   PacketMailer mailer, PacketSender sender, RunHistory history, Path outputDir) {
        this.history = history;
        this.contexts = contexts;
        this.results = results;
        this.packets = packets;
        this.ledger = ledger;
        this.mailer = mailer;
        this.sender = sender;
        this.outputDir = outputDir;
    }

    public int resend(String runKey, String teamId) throws InterruptedException {
        try {
            contexts.plan(runKey);
        } catch (IllegalArgumentException e) {
            log.error("resend: {}", e.getMessage());
            return ExitCodes.USAGE_OR_CONFIG;
        }
        Optional<Instant> purged = history.entry(runKey).flatMap(HistoryEntry::purgedAt);
        if (purged.isPresent()) {
            log.error("resend: run {} was purged by retention at {}: its packets are gone. To send it again, run it "
                    + "again with --rerun (everyone gets it again)", runKey, purged.get());
            return ExitCodes.USAGE_OR_CONFIG;
        }
        var rendered = packets.rendered(runKey);
        if (rendered.isEmpty()) {
            log.error("resend: no rendered packets for run {} (unknown run, or it has not rendered yet)", runKey);
            return ExitCodes.USAGE_OR_CONFIG;
        }
        Optional<RenderedPacket> packet = rendered.stream().filter(p -> p.teamId().equals(teamId)).findFirst();
        if (packet.isEmpty()) {
            log.error("resend: run {} has no rendered packet for team {} (unknown team, or a team without a manager)",
                    runKey, teamId);
            return ExitCodes.USAGE_OR_CONFIG;
        }
        RenderedPacket p = packet.get();
        if (!Files.isRegularFile(p.pdf()) || !Files.isRegularFile(p.xlsx())) {
            log.error("resend: the packet files of team {} in run {} are gone ({}, {})", teamId, runKey, p.pdf(), p.xlsx());
            return ExitCodes.USAGE_OR_CONFIG;
        }
        RunContexts.RunContext run = contexts.get(runKey);
        if (run.org().team(teamId).isEmpty()) {
            log.error("resend: team {} is no longer in the source", teamId);
            return ExitCodes.USAGE_OR_CONFIG;
        }
        Optional<PacketEmail> email = DeliverPacketsTasklet.email(run, p,
                DeliverPacketsTasklet.headlines(results, runKey));
        if (email.isEmpty()) {
            log.error("resend: the manager of team {} has no email address in the source", teamId);
            return ExitCodes.USAGE_OR_CONFIG;
        }
        String purpose = ledger.nextResendPurpose(runKey, teamId);
        String recipient = email.get().recipient();
        ledger.ensure(runKey, teamId, recipient, purpose, mailer.messageId(runKey, teamId, recipient, purpose));
        Delivery row = ledger.find(runKey, teamId, recipient, purpose).orElseThrow();
        DeliveryStatus status;
        String via;
        try (MailChannel channel = mailer.open(outputDir.resolve(runKey).resolve("outbox"))) {
            status = sender.deliver(row, email.get(), channel);
            via = channel.describe();
        }
        if (status == DeliveryStatus.SENT) {
            log.info("resend: packet of team {} in run {} sent again to {} as {} via {}", teamId, runKey, recipient,
                    purpose, via);
            return ExitCodes.COMPLETED;
        }
        log.error("resend: packet of team {} in run {} to {} not sent ({}); see the delivery ledger", teamId, runKey,
                recipient, status);
        return ExitCodes.FAILED;
    }
}
