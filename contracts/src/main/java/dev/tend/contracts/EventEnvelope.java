package dev.tend.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The one shape of every record on Tend's topics: a fixed header that any consumer can route, dedupe and
 * order on, and a {@code data} object whose shape is given by {@code type} and {@code schemaVersion}
 * (see the JSON Schemas under {@code /schemas} in this jar).
 *
 * @param eventId       unique per event; consumers record it to process each event once
 * @param type          the payload's type, e.g. {@code VisitRecorded}
 * @param schemaVersion the payload's schema version; additive changes keep it, breaking changes bump it
 * @param occurredAt    when the change happened (UTC)
 * @param customerId    the household the event is about; also the Kafka key, so its events stay in order
 * @param correlationId follows one business action (a visit) through every service; never null
 * @param data          the payload
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        UUID customerId,
        String correlationId,
        JsonNode data) {
}
