package com.salesops.packets.testing;

import java.util.Properties;
import java.util.UUID;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.SimpleMessageConverter;

/**
 * The local RabbitMQ (127.0.0.1:5672, guest/guest; {@code bin/ensure-rabbitmq} starts it) with a
 * queue name of the test's own: the jar's workers and runs declare {@code <queue>} and
 * {@code <queue>.dead}; {@link #close} deletes both. Unreachable broker: the constructor throws, so
 * the test fails (never skips).
 */
public final class Broker implements AutoCloseable {

    private final CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
    private final RabbitAdmin admin;
    private final String queue = "packets.test." + UUID.randomUUID().toString().substring(0, 8);

    public Broker() {
        connections.setUsername("guest");
        connections.setPassword("guest");
        admin = new RabbitAdmin(connections);
        try {
            connections.createConnection().close();
        } catch (RuntimeException e) {
            connections.destroy();
            throw new IllegalStateException("RabbitMQ is not reachable on 127.0.0.1:5672 (run bin/ensure-rabbitmq): "
                    + e.getMessage(), e);
        }
    }

    public String queue() {
        return queue;
    }

    public String deadLetterQueue() {
        return queue + ".dead";
    }

    public boolean exists(String name) {
        return admin.getQueueProperties(name) != null;
    }

    /** Messages ready in a queue (0 when it does not exist). */
    public int ready(String name) {
        Properties p = admin.getQueueProperties(name);
        return p == null ? 0 : ((Number) p.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).intValue();
    }

    /** Publishes {@code payload} (Java-serialized, or text for a String) to the requests queue. */
    public void publish(Object payload) {
        RabbitTemplate template = new RabbitTemplate(connections);
        template.setMessageConverter(new SimpleMessageConverter());
        template.convertAndSend("", queue, payload, m -> {
            m.getMessageProperties().setMessageId("test-" + UUID.randomUUID());
            return m;
        });
    }

    /** Publishes raw bytes with a content type (e.g. a class not on the allowed list). */
    public void publishRaw(byte[] body, String contentType) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(contentType);
        properties.setMessageId("test-raw-" + UUID.randomUUID());
        new RabbitTemplate(connections).send("", queue, new org.springframework.amqp.core.Message(body, properties));
    }

    @Override
    public void close() {
        try {
            admin.deleteQueue(queue);
            admin.deleteQueue(deadLetterQueue());
        } finally {
            connections.destroy();
        }
    }
}
