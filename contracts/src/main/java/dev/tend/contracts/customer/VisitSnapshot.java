package dev.tend.contracts.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A visit as consumers need it; {@code petId} is null for a visit without a pet.
 *
 * @param imported true when a practice system recorded the visit as history (an import, a backlog): consumers
 *                 keep it in their read models but start nothing from it; null or false for a visit as it happens
 */
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
        long version,
        Boolean imported) {

    /** A visit as it happens (not imported). */
    public VisitSnapshot(UUID visitId, UUID customerId, UUID petId, String visitType, String reason, String staffMember,
                         OffsetDateTime visitedAt, LocalDate recheckDate, String outcome, String notes, long version) {
        this(visitId, customerId, petId, visitType, reason, staffMember, visitedAt, recheckDate, outcome, notes, version, null);
    }

    public boolean asHistory() {
        return Boolean.TRUE.equals(imported);
    }
}
