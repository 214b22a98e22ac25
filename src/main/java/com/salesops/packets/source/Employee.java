package com.salesops.packets.source;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A row of {@code employee}. {@code email} and {@code terminationDate} mirror nullable columns
 * (null = none); {@code terminationDate} is the last day worked, inclusive.
 */
public record Employee(String id, String fullName, String email, LocalDate hireDate, LocalDate terminationDate) {

    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hireDate, "hireDate of " + id);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** Employed on {@code day}: hired on or before it and not terminated before it. */
    public boolean employedOn(LocalDate day) {
        return !day.isBefore(hireDate) && (terminationDate == null || !day.isAfter(terminationDate));
    }

    /** Terminated on or before {@code day} (docs/numbers.md §5: such reps are unranked). */
    public boolean terminatedOnOrBefore(LocalDate day) {
        return terminationDate != null && !terminationDate.isAfter(day);
    }
}
