package com.salesops.packets.delivery;

import com.salesops.packets.history.HistoryEntry;
import com.salesops.packets.history.RunHistory;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.RenderedPacket;
import com.salesops.packets.source.RunContexts;
import com.salesops.packets.source.RunContexts.RunContext;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code resend --run <run-key> --team <team-id>}: sends one rendered packet again, on purpose,
 * under a new ledger row (purpose RESEND-n) to the manager's current address, with the same code
 * as the deliver step ({@link PacketDelivery}).
 */
public final class PacketResender {

    /** What a resend came to; the command line turns it into an exit code. */
    public enum Outcome {
        SENT,
        /** The send failed (see the ledger). */
        FAILED,
        /** Nothing to send: unknown run or team, a packet not rendered or gone, no address. */
        REFUSED
    }

    private static final Logger log = LoggerFactory.getLogger(PacketResender.class);

    private final RunContexts contexts;
    private final PacketStore packets;
    private final PacketDelivery delivery;
    private final RunHistory history;

    public PacketResender(RunContexts contexts, PacketStore packets, PacketDelivery delivery, RunHistory history) {
        this.contexts = contexts;
        this.history = history;
        this.packets = packets;
        this.delivery = delivery;
    }

    public Outcome resend(String runKey, String teamId) throws InterruptedException {
        try {
            contexts.plan(runKey);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
        Optional<Instant> purged = history.entry(runKey).flatMap(HistoryEntry::purgedAt);
        if (purged.isPresent()) {
            return refused("run " + runKey + " was purged by retention at " + purged.get() + ": its packets are gone. "
                    + "To send it again, run it again with --rerun (everyone gets it again)");
        }
        var rendered = packets.rendered(runKey);
        if (rendered.isEmpty()) {
            return refused("no rendered packets for run " + runKey + " (unknown run, or it has not rendered yet)");
        }
        Optional<RenderedPacket> packet = rendered.stream().filter(p -> p.teamId().equals(teamId)).findFirst();
        if (packet.isEmpty()) {
            return refused("run " + runKey + " has no rendered packet for team " + teamId
                    + " (unknown team, or a team without a manager)");
        }
        RenderedPacket p = packet.get();
        if (!Files.isRegularFile(p.pdf()) || !Files.isRegularFile(p.xlsx())) {
            return refused("the packet files of team " + teamId + " in run " + runKey + " are gone (" + p.pdf() + ", "
                    + p.xlsx() + ")");
        }
        RunContext run = contexts.get(runKey);
        if (run.org().team(teamId).isEmpty()) {
            return refused("team " + teamId + " is no longer in the source");
        }
        Optional<PacketEmail> email = delivery.email(run, p);
        if (email.isEmpty()) {
            return refused("the manager of team " + teamId + " has no email address in the source");
        }
        DeliveryPurpose purpose = delivery.ledger().nextResendPurpose(runKey, teamId);
        String recipient = email.get().recipient();
        Delivery row = delivery.ensure(runKey, teamId, recipient, purpose);
        DeliveryStatus status;
        String via;
        try (MailChannel channel = delivery.open(runKey)) {
            status = delivery.send(new PacketDelivery.Outgoing(row, email), channel);
            via = channel.describe();
        }
        if (status == DeliveryStatus.SENT) {
            log.info("resend: packet of team {} in run {} sent again to {} as {} via {}", teamId, runKey, recipient,
                    purpose, via);
            return Outcome.SENT;
        }
        log.error("resend: packet of team {} in run {} to {} not sent ({}); see the delivery ledger", teamId, runKey,
                recipient, status);
        return Outcome.FAILED;
    }

    private static Outcome refused(String why) {
        log.error("resend: {}", why);
        return Outcome.REFUSED;
    }
}
