package com.salesops.packets.changes;

import java.util.List;
import java.util.Set;

/** Gives each packet of a run its part of the changes. */
@FunctionalInterface
public interface PacketChangeSource {

    /** No run to compare with, for every packet. */
    PacketChangeSource NONE = (teamId, children, subtree, employees) -> PacketChanges.none();

    /**
     * @param teamId     the packet's team
     * @param children   its direct child teams, in the order the packet lists them
     * @param subtree    every team of the packet (changed lines are those of these teams)
     * @param employees  the packet's reps
     */
    PacketChanges forPacket(String teamId, List<String> children, Set<String> subtree, Set<String> employees);
}
