package com.salesops.packets.remote;

import com.salesops.packets.config.BrokerCheck;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * {@code validate-config} in remote mode: connects to the broker and declares the requests queue
 * and its dead-letter queue (idempotent: an existing queue with the same settings is left as is).
 */
public final class RabbitQueueCheck implements BrokerCheck {

    private final RabbitAdmin admin;
    private final String queue;

    RabbitQueueCheck(RabbitAdmin admin, String queue) {
        this.admin = admin;
        this.queue = queue;
    }

    @Override
    public String check() {
        admin.declareQueue(RemoteRenderConfiguration.requestQueue(queue));
        admin.declareQueue(new org.springframework.amqp.core.Queue(RemoteRenderConfiguration.deadLetterQueueName(queue),
                true, false, false));
        QueueInformation info = admin.getQueueInfo(queue);
        return "queue " + queue + " declared" + (info == null ? "" : ": " + info.getMessageCount() + " waiting, "
                + info.getConsumerCount() + " worker consumer(s)");
    }
}
