package com.salesops.packets.guard;

import com.salesops.packets.calendar.RunPlan;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The gate as a step of its own, between render and deliver: a held run fails here (exit 1) with
 * the reasons, so its deliver step never runs; a restart re-evaluates (and passes after a release).
 */
public final class DeliveryGateTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DeliveryGateTasklet.class);

    private final DeliveryGate gate;
    private final Function<String, RunPlan> plans;
    private final Function<JobExecution, OptionalLong> creditedBookings;
    private final String runKeyParameter;

    /**
     * {@code plans}: the plan of a run key; {@code creditedBookings}: the credited bookings the
     * compute step counted for the execution's job, when it has; {@code runKeyParameter}: the job
     * parameter holding the run key.
     */
    public DeliveryGateTasklet(DeliveryGate gate, Function<String, RunPlan> plans,
                               Function<JobExecution, OptionalLong> creditedBookings, String runKeyParameter) {
        this.gate = gate;
        this.plans = plans;
        this.creditedBookings = creditedBookings;
        this.runKeyParameter = runKeyParameter;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
        String runKey = job.getJobParameters().getString(runKeyParameter);
        GateResult result = gate.evaluate(plans.apply(runKey), creditedBookings.apply(job), job.getJobInstance().getId(),
                job.getId());
        switch (result.decision()) {
            case PASSED -> log.info("{}: delivery gate passed: {}", runKey, result.figuresLine());
            case RELEASED -> log.warn("{}: delivery gate would hold ({}), released by {} at {}: sending", runKey,
                    String.join("; ", result.reasons()), result.release().orElseThrow().by(),
                    result.release().orElseThrow().at());
            case HELD -> throw new DeliveryHeldException("delivery HELD, nothing sent: "
                    + String.join("; ", result.reasons()) + ". Figures: " + result.figuresLine());
        }
        return RepeatStatus.FINISHED;
    }
}
