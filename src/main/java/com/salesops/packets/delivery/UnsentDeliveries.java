package com.salesops.packets.delivery;

import com.salesops.packets.delivery.PacketDelivery.Outgoing;
import com.salesops.packets.source.RunContexts.RunContext;
import com.salesops.packets.support.Progress;
import java.util.Iterator;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The deliver step's reader: on open, makes the ledger rows of the run's purpose and reads the
 * ones still unsent. It keeps no restart state of its own: the ledger is the state, so a restart
 * reads only what is still unsent.
 */
public class UnsentDeliveries implements ItemStreamReader<Outgoing> {

    static final String RUN_KEY = "delivery.runKey";
    static final String PURPOSE = "delivery.purpose";

    private final PacketDelivery delivery;
    private final RunContext run;
    private final DeliveryPurpose purpose;
    private Iterator<Outgoing> todo;

    public UnsentDeliveries(PacketDelivery delivery, RunContext run, DeliveryPurpose purpose) {
        this.delivery = delivery;
        this.run = run;
        this.purpose = purpose;
    }

    @Override
    public void open(ExecutionContext context) {
        var unsent = delivery.prepare(run, purpose);
        context.putLong(Progress.TOTAL, unsent.size());
        context.putString(RUN_KEY, run.plan().runKey());
        context.putString(PURPOSE, purpose.code());
        todo = unsent.iterator();
    }

    @Override
    public Outgoing read() {
        return todo.hasNext() ? todo.next() : null;
    }
}
