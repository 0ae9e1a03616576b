package dev.tend.followup.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * "What would this visit produce?" for a known household ({@code customerId}), or for a household in the
 * clinic's timezone reachable on every channel when it is absent.
 */
public record DryRun(UUID customerId, Integer version, ProbeVisit visit) {

    public record ProbeVisit(UUID petId, String visitType, String reason, String staffMember, OffsetDateTime visitedAt,
                             LocalDate recheckDate) {
    }
}
