package com.salesops.packets.support;

import java.util.Iterator;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A reader whose items are worked out when the step opens (what is still to do, from the table that
 * holds the restart state) and then handed out one by one. Announces their number as the step's
 * {@link Progress#TOTAL}. Keeps no restart state itself: a restart loads what is still to do.
 */
public abstract class LoadedReader<T> implements ItemStreamReader<T> {

    private Iterator<T> todo;

    /** The items still to do; {@code context} is the step's execution context. */
    protected abstract List<T> load(ExecutionContext context);

    @Override
    public void open(ExecutionContext context) {
        List<T> items = load(context);
        context.putLong(Progress.TOTAL, items.size());
        todo = items.iterator();
    }

    @Override
    public T read() {
        return todo.hasNext() ? todo.next() : null;
    }
}
