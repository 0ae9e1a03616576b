package dev.tend.platform.audit;

import java.time.Instant;
import java.util.UUID;

/** Which entries to read: any of the filters may be null (no filter); {@code from} inclusive, {@code to} exclusive. */
public record AuditQuery(UUID customerId, String actor, Instant from, Instant to) {
}
