package dev.tend.customer.rest;

import dev.tend.customer.Visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record VisitView(UUID id, UUID customerId, UUID petId, String visitType, String reason, String staffMember,
                        Instant visitedAt, LocalDate recheckDate, String notes, String outcome, String status,
                        String cancelReason, boolean imported, Instant createdAt, Instant updatedAt, long version) {

    static VisitView of(Visit visit) {
        return new VisitView(visit.id, visit.customerId, visit.petId, visit.visitType, visit.reason, visit.staffMember,
                visit.visitedAt, visit.recheckDate, visit.notes, visit.outcome, visit.status, visit.cancelReason, visit.imported,
                visit.createdAt, visit.updatedAt, visit.version);
    }
}
