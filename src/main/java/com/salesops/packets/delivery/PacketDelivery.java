package com.salesops.packets.delivery;

import com.salesops.packets.attainment.Level;
import com.salesops.packets.attainment.NodeResult;
import com.salesops.packets.attainment.ResultStore;
import com.salesops.packets.changes.ChangeStore;
import com.salesops.packets.packet.PacketAssembler;
import com.salesops.packets.packet.PacketStore;
import com.salesops.packets.packet.RenderedPacket;
import com.salesops.packets.source.Employee;
import com.salesops.packets.source.RunContexts.RunContext;
import com.salesops.packets.source.Team;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Emails rendered packets, exactly once per purpose: what the deliver step and the {@code resend}
 * command share. A ledger row is made PENDING for each email before anything is sent; only rows
 * not SENT are sent; a row whose recipient is no longer the manager's address is SUPERSEDED.
 */
public final class PacketDelivery {

    /** One ledger row with the email it stands for (empty: the packet no longer goes to that address). */
    public record Outgoing(Delivery row, Optional<PacketEmail> email) {
    }

    private final ResultStore results;
    private final PacketStore packets;
    private final ChangeStore changes;
    private final DeliveryLedger ledger;
    private final PacketMailer mailer;
    private final PacketSender sender;
    private final Path outputDir;

    public PacketDelivery(ResultStore results, PacketStore packets, ChangeStore changes, DeliveryLedger ledger,
                          PacketMailer mailer, PacketSender sender, Path outputDir) {
        this.results = results;
        this.packets = packets;
        this.changes = changes;
        this.ledger = ledger;
        this.mailer = mailer;
        this.sender = sender;
        this.outputDir = outputDir;
    }

    /**
     * Makes sure every rendered packet of the run has its ledger row for {@code purpose}, and returns
     * the rows still to send, each with its email.
     */
    public List<Outgoing> prepare(RunContext run, DeliveryPurpose purpose) {
        String runKey = run.plan().runKey();
        Map<String, List<NodeResult>> headlines = headlines(runKey);
        Function<String, String> changeLines = changeLines(run);
        Map<String, PacketEmail> emails = new HashMap<>();
        List<DeliveryLedger.Wanted> rows = new ArrayList<>();
        for (RenderedPacket p : packets.rendered(runKey)) {
            email(run, p, headlines, changeLines).ifPresent(email -> {
                emails.put(key(email.teamId(), email.recipient()), email);
                rows.add(new DeliveryLedger.Wanted(email.teamId(), email.recipient(),
                        mailer.messageId(runKey, email.teamId(), email.recipient(), purpose.code())));
            });
        }
        ledger.ensureAll(runKey, purpose, rows);
        return ledger.unsent(runKey, purpose).stream()
                .map(d -> new Outgoing(d, Optional.ofNullable(emails.get(key(d.teamId(), d.recipient())))))
                .toList();
    }

    /** The email of one rendered packet, or none when its manager has no email address. */
    public Optional<PacketEmail> email(RunContext run, RenderedPacket p) {
        return email(run, p, headlines(p.runKey()), changeLines(run));
    }

    /** The ledger row of one email, made PENDING (with its Message-ID) when it is not there yet. */
    public Delivery ensure(String runKey, String teamId, String recipient, DeliveryPurpose purpose) {
        return ledger.ensure(runKey, teamId, recipient, purpose,
                mailer.messageId(runKey, teamId, recipient, purpose.code()));
    }

    /** The run's outbox: emails go there as .eml files when no SMTP host is configured. */
    public MailChannel open(String runKey) {
        return mailer.open(outputDir.resolve(runKey).resolve("outbox"));
    }

    /** Sends one row's email (retrying a temporary failure) or supersedes the row; returns its status. */
    public DeliveryStatus send(Outgoing outgoing, MailChannel channel) throws InterruptedException {
        Delivery d = outgoing.row();
        if (outgoing.email().isEmpty()) {
            // the manager's address (or the manager) changed in the source since this row was made
            ledger.markSuperseded(d.id(), "team " + d.teamId() + " no longer has a packet for " + d.recipient());
            return DeliveryStatus.SUPERSEDED;
        }
        return sender.deliver(d, outgoing.email().get(), channel);
    }

    /** The rows of {@code purpose} still unsent (neither SENT nor SUPERSEDED). */
    public List<Delivery> unsent(String runKey, DeliveryPurpose purpose) {
        return ledger.unsent(runKey, purpose);
    }

    public DeliveryLedger ledger() {
        return ledger;
    }

    /** Each team's line on the changes since the previous run (null: none). */
    private Function<String, String> changeLines(RunContext run) {
        return changes.emailLines(run.plan().runKey(), run.plan().type(), run.org().fx().baseCurrency());
    }

    private static Optional<PacketEmail> email(RunContext run, RenderedPacket p, Map<String, List<NodeResult>> headlines,
                                               Function<String, String> changeLines) {
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

    /** The key under which {@link #headlines} keeps every REP row (team ids never start with a NUL). */
    private static final String REPS = "\u0000reps";

    /** TEAM rows by team id, and every REP row under {@link #REPS}. */
    private Map<String, List<NodeResult>> headlines(String runKey) {
        Map<String, List<NodeResult>> byTeam = new HashMap<>();
        for (NodeResult r : results.rows(runKey)) {
            byTeam.computeIfAbsent(r.level() == Level.TEAM ? r.nodeId() : REPS, k -> new ArrayList<>()).add(r);
        }
        return byTeam;
    }

    private static String key(String teamId, String recipient) {
        return teamId + "\n" + recipient;
    }
}
