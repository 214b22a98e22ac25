package com.salesops.packets.remote;

import com.salesops.packets.config.PacketsProperties;
import java.time.Duration;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.messaging.MessageChannel;

/**
 * Builds the two sides of a remotely partitioned step with Spring Batch's own builders: the
 * manager step sends one message per partition and polls the job repository (no reply channel:
 * replies get mixed up between two runs at once), watched by a {@link PartitionWatchdog}; the
 * worker step takes its requests from the channel the {@link RenderWorker} feeds after claiming.
 */
public final class RemoteRendering {

    private final RemotePartitioningManagerStepBuilderFactory managers;
    private final RemotePartitioningWorkerStepBuilderFactory workers;
    private final MessageChannel requests;
    private final MessageChannel claimedRequests;
    private final MessageChannel finishedPartitions;
    private final JobRepository jobRepository;
    private final PartitionClaims claims;
    private final PacketsProperties.Workers settings;

    RemoteRendering(RemotePartitioningManagerStepBuilderFactory managers, RemotePartitioningWorkerStepBuilderFactory workers,
                    MessageChannel requests, MessageChannel claimedRequests, MessageChannel finishedPartitions,
                    JobRepository jobRepository, PartitionClaims claims, PacketsProperties.Workers settings) {
        this.managers = managers;
        this.workers = workers;
        this.requests = requests;
        this.claimedRequests = claimedRequests;
        this.finishedPartitions = finishedPartitions;
        this.jobRepository = jobRepository;
        this.claims = claims;
        this.settings = settings;
    }

    /** The manager step: partitions go out as messages; the step ends when every partition has. */
    public Step managerStep(String name, String workerStepName, Partitioner partitioner, int partitions,
                            StepExecutionListener... listeners) {
        RemotePartitioningManagerStepBuilder builder = managers.get(name)
                .partitioner(workerStepName, partitioner)
                .gridSize(partitions)
                .outputChannel(requests)
                .pollInterval(pollInterval(settings).toMillis())
                .listener(new PartitionWatchdog(jobRepository, claims, workerStepName, settings, pollInterval(settings)));
        for (StepExecutionListener listener : listeners) {
            builder.listener(listener);
        }
        return builder.build();
    }

    /** A builder for the worker step: add its tasklet or chunk as for a local step. */
    public RemotePartitioningWorkerStepBuilder workerStep(String name) {
        return workers.get(name).inputChannel(claimedRequests).outputChannel(finishedPartitions);
    }

    /**
     * How often the manager looks at its partitions: a tenth of stale-after, between 0.5 and 1 s. The
     * render step ends up to one poll after its last partition, so the poll is short (a poll is two
     * small queries).
     */
    static Duration pollInterval(PacketsProperties.Workers settings) {
        Duration tenth = settings.staleAfter().dividedBy(10);
        return tenth.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500)
                : tenth.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : tenth;
    }
}
