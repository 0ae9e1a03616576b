package dev.tend.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit entry: who ({@code actor}, the token's subject) did what ({@code action}) on which household, when, with
 * the correlation id of the request (and the trace id once tracing fills it in).
 */
public record AuditEntryView(long id, OffsetDateTime at, String actor, AuditAction action, UUID customerId,
                             JsonNode details, String correlationId, String traceId) {
}
