package com.salesops.packets.remote;

import com.salesops.packets.config.BrokerCheck;
import com.salesops.packets.config.PacketsProperties;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;

/**
 * Remote rendering (docs/architecture.md), only when {@code packets.render.mode=remote}: in local
 * mode none of these beans exist and no broker is contacted. The manager sends one {@link StepExecutionRequest}
 * per render partition to a durable queue; workers take them with manual acks; a message that
 * cannot be handled goes to the dead-letter queue {@code <queue>.dead}. Requests travel as Java
 * serialization, and only the request class is on the converter's allowed list.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "packets.render", name = "mode", havingValue = "remote")
@EnableBatchIntegration
public class RemoteRenderConfiguration {

    /** Java deserialization of this class and no other (Spring AMQP refuses anything off the list). */
    static final List<String> ALLOWED_CLASSES = List.of(StepExecutionRequest.class.getName());

    static SimpleMessageConverter requestConverter() {
        SimpleMessageConverter converter = new SimpleMessageConverter() {
            @Override
            public Object fromMessage(org.springframework.amqp.core.Message message) {
                try {
                    return super.fromMessage(message);
                } catch (SecurityException e) {
                    // a class off the allowed list: a conversion error, so the inbound adapter hands it to the
                    // worker's error channel (dead-letter queue) instead of leaving it unacknowledged
                    throw new MessageConversionException(e.getMessage(), e);
                }
            }
        };
        converter.setAllowedListPatterns(ALLOWED_CLASSES);
        return converter;
    }

    /** The requests queue, durable; what cannot be handled is dead-lettered to {@code <queue>.dead}. */
    static Queue requestQueue(String name) {
        return new Queue(name, true, false, false, Map.of("x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", deadLetterQueueName(name)));
    }

    static String deadLetterQueueName(String queue) {
        return queue + ".dead";
    }

    /** Fails the start (exit 2, naming the key) when a setting makes remote mode impossible. */
    @Bean
    RemoteModeRequirements remoteModeRequirements(DataSourceProperties app, PacketsProperties p) {
        return new RemoteModeRequirements(app.determineUrl(), p.source().url());
    }

    /** Declares the queues below whenever a connection opens (manager and workers alike). */
    @Bean
    RabbitAdmin renderQueueAdmin(ConnectionFactory connectionFactory) {
        return new RabbitAdmin(connectionFactory);
    }

    @Bean
    Queue renderRequestQueue(PacketsProperties p) {
        return requestQueue(p.workers().queue());
    }

    @Bean
    Queue renderDeadLetterQueue(PacketsProperties p) {
        return new Queue(deadLetterQueueName(p.workers().queue()), true, false, false);
    }

    /** Manager: partition requests leave through this channel to the queue. */
    @Bean
    DirectChannel renderRequests() {
        return new DirectChannel();
    }

    /** Worker: requests the worker has claimed go to the worker step's handler through this channel. */
    @Bean
    DirectChannel claimedRenderRequests() {
        return new DirectChannel();
    }

    /** Worker: the worker step's handler puts the finished step execution here. */
    @Bean
    DirectChannel finishedRenderPartitions() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow renderRequestsToBroker(DirectChannel renderRequests, ConnectionFactory connectionFactory,
                                           PacketsProperties p) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMessageConverter(requestConverter());
        return IntegrationFlow.from(renderRequests)
                .handle(Amqp.outboundAdapter(template).routingKey(p.workers().queue())
                        .defaultDeliveryMode(MessageDeliveryMode.PERSISTENT))
                .get();
    }

    @Bean
    RemoteRendering remoteRendering(RemotePartitioningManagerStepBuilderFactory managers,
                                    RemotePartitioningWorkerStepBuilderFactory workers, JobRepository jobRepository,
                                    PartitionClaims claims, PacketsProperties p, DirectChannel renderRequests,
                                    DirectChannel claimedRenderRequests, DirectChannel finishedRenderPartitions) {
        return new RemoteRendering(managers, workers, renderRequests, claimedRenderRequests, finishedRenderPartitions,
                jobRepository, claims, p.workers());
    }

    @Bean(destroyMethod = "close")
    RenderWorker renderWorker(ConnectionFactory connectionFactory, IntegrationFlowContext flows,
                              JobRepository jobRepository, PartitionClaims claims, PacketsProperties p,
                              RabbitAdmin renderQueueAdmin, DirectChannel claimedRenderRequests,
                              DirectChannel finishedRenderPartitions) {
        return new RenderWorker(connectionFactory, flows, claimedRenderRequests, finishedRenderPartitions,
                jobRepository, claims, p.workers(), p.render().threads(), renderQueueAdmin);
    }

    @Bean
    BrokerCheck brokerCheck(RabbitAdmin renderQueueAdmin, PacketsProperties p) {
        return new RabbitQueueCheck(renderQueueAdmin, p.workers().queue());
    }
}
