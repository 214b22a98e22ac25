package com.salesops.packets.delivery;

import com.salesops.packets.attainment.NodeResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What one packet email says and carries: the team's headline rows (MONTH, QUARTER, YEAR), the rep
 * rows of the team's subtree (for the best and lowest reps in the body), the base currency and the
 * two files. Built from the run's stored results, never from anything outside the team's subtree.
 */
public record PacketEmail(String runKey, LocalDate asOf, String teamId, String teamName, String managerName,
                          String recipient, List<NodeResult> headline, Path pdf, Path xlsx, String currency,
                          List<NodeResult> reps) {

    public PacketEmail {
        headline = List.copyOf(headline);
        reps = List.copyOf(reps);
    }
}
