package com.salesops.packets.delivery;

import com.salesops.packets.attainment.NodeResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one packet email says and carries: the team's headline rows (MONTH, QUARTER, YEAR), the rep
 * rows of the team's subtree (for the best and lowest reps in the body), the base currency, the one
 * line on what changed since the previous run, and the two files. Built from the run's stored
 * results, never from anything outside the team's subtree.
 *
 * @param changesLine e.g. "Since nightly-2026-11-25: +84,210.00 USD on 12 new deals, …"; empty: no line
 */
public record PacketEmail(String runKey, LocalDate asOf, String teamId, String teamName, String managerName,
                          String recipient, List<NodeResult> headline, Path pdf, Path xlsx, String currency,
                          List<NodeResult> reps, Optional<String> changesLine) {

    public PacketEmail {
        headline = List.copyOf(headline);
        reps = List.copyOf(reps);
    }
}
