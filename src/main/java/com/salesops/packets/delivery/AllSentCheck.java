package com.salesops.packets.delivery;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Fails the deliver step (so the run can be restarted) when, after every email was tried, some are
 * still unsent; the message names them. A stopped step stays STOPPED. The run and purpose are the
 * ones {@link UnsentDeliveries} read.
 */
public final class AllSentCheck implements StepExecutionListener {

    private final DeliveryLedger ledger;

    public AllSentCheck(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED || !step.getExecutionContext().containsKey(UnsentDeliveries.PURPOSE)) {
            return step.getExitStatus();
        }
        String runKey = step.getExecutionContext().getString(UnsentDeliveries.RUN_KEY);
        DeliveryPurpose purpose = DeliveryPurpose.parse(step.getExecutionContext().getString(UnsentDeliveries.PURPOSE));
        List<Delivery> unsent = ledger.unsent(runKey, purpose);
        if (unsent.isEmpty()) {
            return step.getExitStatus();
        }
        IllegalStateException failure = new IllegalStateException(unsent.size() + " packet email(s) of " + runKey
                + " not sent: " + unsent.stream().map(d -> d.teamId() + " " + d.status()).toList()
                + "; see the delivery ledger. Run the same command again to retry them.");
        step.setStatus(BatchStatus.FAILED);
        step.addFailureException(failure);
        return ExitStatus.FAILED.addExitDescription(failure);
    }
}
