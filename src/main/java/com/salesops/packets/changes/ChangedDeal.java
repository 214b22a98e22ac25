package com.salesops.packets.changes;

import com.salesops.packets.credit.CreditRole;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose line of which booking a listed change is about.
 *
 * @param teamId         the team of this run's line (of the previous run's when this run has none)
 * @param previousTeamId the team of the previous run's line, when it differs from {@code teamId}
 */
public record ChangedDeal(String bookingId, String accountName, String employeeId, CreditRole role, String teamId,
                          Optional<String> previousTeamId) {

    public ChangedDeal {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(previousTeamId, "previousTeamId");
    }
}
