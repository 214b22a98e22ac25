package com.salesops.packets.delivery;

import com.salesops.packets.delivery.PacketDelivery.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * The deliver step's writer: sends each email over one channel (one SMTP connection) opened with
 * the step and closed with it. A failed send is in the ledger, not thrown: the other managers
 * still get theirs, and {@link AllSentCheck} fails the step at the end.
 */
public class DeliveryWriter implements ItemStreamWriter<Outgoing> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWriter.class);

    private final PacketDelivery delivery;
    private final String runKey;
    private MailChannel channel;
    private int sent;

    public DeliveryWriter(PacketDelivery delivery, String runKey) {
        this.delivery = delivery;
        this.runKey = runKey;
    }

    @Override
    public void open(ExecutionContext context) {
        channel = delivery.open(runKey);
        sent = 0;
    }

    @Override
    public void write(Chunk<? extends Outgoing> chunk) throws InterruptedException {
        for (Outgoing outgoing : chunk) {
            if (delivery.send(outgoing, channel) == DeliveryStatus.SENT) {
                sent++;
            }
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            log.info("{}: {} emails sent now via {}", runKey, sent, channel.describe());
            channel.close();
            channel = null;
        }
    }
}
