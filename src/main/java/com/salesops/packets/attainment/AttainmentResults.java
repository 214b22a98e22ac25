package com.salesops.packets.attainment;

import java.util.List;

/** Placeholder replaced by the maths branch. */
public record AttainmentResults(List<NodeResult> rows, List<Flag> flags) {
}
