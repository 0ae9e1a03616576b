package dev.tend.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds, writes and reads envelopes. Every service uses this one codec, so dates, unknown fields and
 * validation behave the same on both sides of a topic.
 */
public final class Events {

    /**
     * The largest record Tend accepts from a topic; anything larger is dead-lettered, not parsed. The largest
     * real event (a customer snapshot with every field at its REST limit) is a few tens of KB, so a record
     * this large is not an event; it is also well under the broker's 1 MB limit, so it can be dead-lettered whole.
     */
    public static final int MAX_RECORD_BYTES = 256 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Consumers must survive additive changes made by newer producers.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Events() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static EventEnvelope envelope(EventPayload payload, UUID customerId, Instant occurredAt, String correlationId) {
        return new EventEnvelope(UUID.randomUUID(), payload.type(), EventPayload.SCHEMA_VERSION, occurredAt,
                customerId, correlationId == null ? UUID.randomUUID().toString() : correlationId,
                MAPPER.valueToTree(payload));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An envelope could not be written as JSON", e);
        }
    }

    /**
     * Reads and checks an envelope.
     *
     * @throws MalformedEventException with a reason fit for a dead-letter header
     */
    public static EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record");
        }
        if (utf8Length(json) > MAX_RECORD_BYTES) {
            throw new MalformedEventException("record larger than " + MAX_RECORD_BYTES + " bytes");
        }
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getOriginalMessage());
        }
        requirePresent(envelope.eventId(), "eventId");
        requirePresent(envelope.type(), "type");
        requirePresent(envelope.occurredAt(), "occurredAt");
        requirePresent(envelope.customerId(), "customerId");
        requirePresent(envelope.data(), "data");
        if (!envelope.data().isObject()) {
            throw new MalformedEventException("data must be a JSON object");
        }
        return envelope;
    }

    /** Reads the payload of an envelope whose type the caller has already matched. */
    public static <T extends EventPayload> T payload(EventEnvelope envelope, Class<T> type) {
        if (!Objects.equals(envelope.type(), type.getSimpleName())) {
            throw new IllegalArgumentException("envelope holds " + envelope.type() + ", not " + type.getSimpleName());
        }
        try {
            return MAPPER.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(envelope.type() + " payload does not match its schema: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** Counted without encoding: a string never has more chars than UTF-8 bytes, nor more than 3 bytes per char. */
    private static long utf8Length(String text) {
        if (text.length() > MAX_RECORD_BYTES || (long) text.length() * 3 <= MAX_RECORD_BYTES) {
            return text.length();
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw new MalformedEventException("missing field '" + field + "'");
        }
    }
}
