package com.salesops.packets.delivery;

import com.salesops.packets.delivery.PacketDelivery.Outgoing;
import com.salesops.packets.source.RunContexts.RunContext;
import com.salesops.packets.support.LoadedReader;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The deliver step's reader: on open, makes the ledger rows of the run's purpose and reads the
 * ones still unsent. The ledger is the restart state, so a restart reads only what is still unsent.
 */
public class UnsentDeliveries extends LoadedReader<Outgoing> {

    static final String RUN_KEY = "delivery.runKey";
    static final String PURPOSE = "delivery.purpose";

    private final PacketDelivery delivery;
    private final RunContext run;
    private final DeliveryPurpose purpose;

    public UnsentDeliveries(PacketDelivery delivery, RunContext run, DeliveryPurpose purpose) {
        this.delivery = delivery;
        this.run = run;
        this.purpose = purpose;
    }

    @Override
    protected List<Outgoing> load(ExecutionContext context) {
        context.putString(RUN_KEY, run.plan().runKey());
        context.putString(PURPOSE, purpose.code());
        return delivery.prepare(run, purpose);
    }
}
