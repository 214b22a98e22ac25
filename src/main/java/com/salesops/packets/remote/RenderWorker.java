package com.salesops.packets.remote;

import com.rabbitmq.client.Channel;
import com.salesops.packets.config.PacketsProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.amqp.support.ManualAckListenerExecutionFailedException;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;

/**
 * {@code packets worker}: takes render partition requests from the queue until SIGTERM and runs
 * each through Spring Batch's worker step, for any run. Before running one it checks what the
 * job repository says: a partition that is not waiting to start (COMPLETED, FAILED, or running
 * elsewhere) is never run again — a message delivered twice changes nothing — and the claim row
 * ({@link PartitionClaims}) makes sure two workers never run the same partition at once. While it
 * renders, a heartbeat refreshes the claim every few seconds. The message is acknowledged only
 * after the step execution is saved; a message that cannot be handled (not a request, no such
 * step execution or step) is rejected to the dead-letter queue with a log line naming it, while a
 * request this worker could not take just now (the app database did not answer) goes back to the
 * queue after a pause.
 */
public final class RenderWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RenderWorker.class);

    /** How long a request that could not be taken just now waits before it goes back to the queue. */
    private static final Duration REQUEUE_PAUSE = Duration.ofSeconds(2);

    /** Longest wait for the partitions in hand after SIGTERM (each ends after its current packet). */
    private static final Duration DRAIN = Duration.ofMinutes(3);

    private final ConnectionFactory connectionFactory;
    private final IntegrationFlowContext flows;
    private final MessageChannel claimedRequests;
    private final JobRepository jobRepository;
    private final PartitionClaims claims;
    private final PacketsProperties.Workers settings;
    private final int consumers;
    private final RabbitAdmin admin;
    private final String worker = thisHost() + ":" + ProcessHandle.current().pid();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "worker-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger inHand = new AtomicInteger();
    private volatile boolean draining;
    private volatile Runnable whenIdle = () -> { };

    RenderWorker(ConnectionFactory connectionFactory, IntegrationFlowContext flows, MessageChannel claimedRequests,
                 DirectChannel finishedPartitions, JobRepository jobRepository, PartitionClaims claims,
                 PacketsProperties.Workers settings, int consumers, RabbitAdmin admin) {
        this.connectionFactory = connectionFactory;
        this.flows = flows;
        this.claimedRequests = claimedRequests;
        this.jobRepository = jobRepository;
        this.claims = claims;
        this.settings = settings;
        this.consumers = consumers;
        this.admin = admin;
        finishedPartitions.subscribe(this::finished);
    }

    /** This process as {@code status} shows it: {@code <host>:<pid>}. */
    public String name() {
        return worker;
    }

    /** Runs whenever no partition is in hand (the wiring lets go of a finished run's cached org there). */
    public void whenIdle(Runnable action) {
        this.whenIdle = action;
    }

    /**
     * Takes partitions until {@code stopRequested} turns true (SIGTERM), then finishes the packet in
     * hand of each partition (the step ends STOPPED, restartable) and returns.
     */
    public void run(BooleanSupplier stopRequested) throws InterruptedException {
        admin.initialize(); // declares the queue and its dead-letter queue now: a broker that is down fails here
        DirectChannel deadLetters = new DirectChannel();
        deadLetters.subscribe(this::deadLetter);
        IntegrationFlow inbound = IntegrationFlow.from(Amqp.inboundAdapter(connectionFactory, settings.queue())
                        .configureContainer(c -> c.acknowledgeMode(AcknowledgeMode.MANUAL)
                                .prefetchCount(1)
                                .concurrentConsumers(consumers)
                                .defaultRequeueRejected(false)
                                .shutdownTimeout(DRAIN.toMillis()))
                        .messageConverter(RemoteRenderConfiguration.requestConverter())
                        .errorChannel(deadLetters))
                .handle(this::take)
                .get();
        IntegrationFlowContext.IntegrationFlowRegistration registration = flows.registration(inbound).register();
        log.info("worker {} takes render partitions from queue {} ({} at a time)", worker, settings.queue(), consumers);
        try {
            while (!stopRequested.getAsBoolean()) {
                Thread.sleep(200);
            }
        } finally {
            draining = true;
            log.info("worker {}: stopping; {} partition(s) in hand end after their current packet", worker, inHand.get());
            registration.stop(); // waits for the listeners in hand
            flows.remove(registration.getId());
            log.info("worker {} stopped", worker);
        }
    }

    private void take(Message<?> message) {
        Channel channel = message.getHeaders().get(AmqpHeaders.CHANNEL, Channel.class);
        Long tag = message.getHeaders().get(AmqpHeaders.DELIVERY_TAG, Long.class);
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            throw new CannotHandleException("not a step execution request: " + message.getPayload().getClass().getName());
        }
        if (draining) {
            nack(channel, tag, true); // back to the queue for another worker
            return;
        }
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            throw new CannotHandleException("no step execution " + request.getStepExecutionId() + " in the job repository");
        }
        if (!partition.getStepName().startsWith(request.getStepName() + ":")) {
            throw new CannotHandleException("step execution " + partition.getId() + " is " + partition.getStepName()
                    + ", not a partition of " + request.getStepName());
        }
        String runKey = partition.getJobExecution().getJobParameters().getString(PartitionWatchdog.RUN_KEY);
        String what = runKey + " " + partition.getStepName() + " (step execution " + partition.getId() + ")";
        if (partition.getStatus() != BatchStatus.STARTING) {
            // redelivered or published twice: the job repository says it already ran, runs, or was given up
            log.info("worker {}: {} is {}; not running it again", worker, what, partition.getStatus());
            ack(channel, tag);
            return;
        }
        Optional<PartitionClaims.Claim> first = claims.claim(partition.getId(), partition.getJobExecutionId(), runKey,
                partition.getStepName(), worker);
        if (first.isPresent()) {
            log.info("worker {}: {} was already taken by {}; not running it again", worker, what, first.get().worker());
            ack(channel, tag);
            return;
        }
        inHand.incrementAndGet();
        log.info("worker {}: took {}", worker, what);
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> heartbeat(partition.getId(), what), heartbeat().toMillis(),
                heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        try {
            claimedRequests.send(message); // runs the step; finished() records how it ended
        } finally {
            beat.cancel(false);
            if (inHand.decrementAndGet() == 0) {
                whenIdle.run();
            }
        }
        ack(channel, tag); // after the step execution is saved
    }

    /** The worker step's handler returns the step execution it ran (saved by the step itself). */
    private void finished(Message<?> message) {
        StepExecution partition = (StepExecution) message.getPayload();
        String runKey = partition.getJobExecution().getJobParameters().getString(PartitionWatchdog.RUN_KEY);
        claims.finished(partition.getId(), worker, partition.getStatus().toString());
        log.info("worker {}: finished {} {} (step execution {}): {}, {} packets", worker, runKey, partition.getStepName(),
                partition.getId(), partition.getStatus(), partition.getWriteCount());
    }

    /** What could not be handled goes to the dead-letter queue, named in the log. */
    private void deadLetter(Message<?> error) {
        Throwable failure = ((ErrorMessage) error).getPayload();
        Channel channel = null;
        Long tag = null;
        String what;
        if (failure instanceof ManualAckListenerExecutionFailedException conversion) {
            channel = conversion.getChannel();
            tag = conversion.getDeliveryTag();
            what = "message " + conversion.getFailedMessage().getMessageProperties().getMessageId() + " (delivery "
                    + tag + ", content type " + conversion.getFailedMessage().getMessageProperties().getContentType() + ")";
        } else if (failure instanceof MessagingException m && m.getFailedMessage() != null) {
            channel = m.getFailedMessage().getHeaders().get(AmqpHeaders.CHANNEL, Channel.class);
            tag = m.getFailedMessage().getHeaders().get(AmqpHeaders.DELIVERY_TAG, Long.class);
            what = "message " + m.getFailedMessage().getHeaders().get(AmqpHeaders.MESSAGE_ID) + " (delivery " + tag
                    + ", payload " + m.getFailedMessage().getPayload() + ")";
            if (!cannotEverBeHandled(failure) && channel != null && tag != null) {
                // a request this worker could not take now (the app database did not answer, say): it is
                // no dead letter; back to the queue after a pause, for this worker or another
                log.warn("worker {}: could not take {} now: {}; back to the queue", worker, what, deepest(failure));
                pause(REQUEUE_PAUSE);
                nack(channel, tag, true);
                return;
            }
        } else {
            what = "a message";
        }
        log.error("worker {}: cannot handle {}: {}; sent to the dead-letter queue {}", worker, what, deepest(failure),
                RemoteRenderConfiguration.deadLetterQueueName(settings.queue()));
        if (channel != null && tag != null) {
            nack(channel, tag, false);
        }
    }

    /** A message no worker will ever handle (as opposed to one this worker could not handle just now). */
    private static boolean cannotEverBeHandled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotHandleException || t instanceof MessageConversionException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void heartbeat(long stepExecutionId, String what) {
        try {
            claims.heartbeat(stepExecutionId, worker);
        } catch (RuntimeException e) {
            log.warn("worker {}: heartbeat for {} failed: {}", worker, what, e.getMessage());
        }
    }

    /** A few heartbeats per stale-after, at most every 5 s. */
    private Duration heartbeat() {
        Duration quarter = settings.staleAfter().dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : quarter;
    }

    private void ack(Channel channel, Long tag) {
        try {
            channel.basicAck(tag, false);
        } catch (IOException | RuntimeException e) {
            // the broker redelivers it; the step execution's status makes that delivery a no-op
            log.warn("worker {}: could not acknowledge delivery {}: {}", worker, tag, e.getMessage());
        }
    }

    private void nack(Channel channel, Long tag, boolean requeue) {
        try {
            channel.basicNack(tag, false, requeue);
        } catch (IOException | RuntimeException e) {
            log.warn("worker {}: could not reject delivery {}: {}", worker, tag, e.getMessage());
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }

    private static String deepest(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
    }

    /** A message no worker can ever handle: it goes to the dead-letter queue. */
    static final class CannotHandleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotHandleException(String message) {
            super(message);
        }
    }
}
