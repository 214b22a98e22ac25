package com.salesops.packets.packet;

import java.util.function.Consumer;

/**
 * The deal lines of one packet, streamed (a VP packet may hold millions): every call replays them
 * in the same order (line date, booking id, employee id, originals before reversals).
 */
@FunctionalInterface
public interface DealSource {

    void forEach(Consumer<DealLine> action);
}
