package dev.tend.contracts.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A visit as consumers need it; {@code petId} is null for a visit without a pet. */
public record VisitSnapshot(
        UUID visitId,
        UUID customerId,
        UUID petId,
        String visitType,
        String reason,
        String staffMember,
        OffsetDateTime visitedAt,
        LocalDate recheckDate,
        String outcome,
        String notes,
        long version) {
}
