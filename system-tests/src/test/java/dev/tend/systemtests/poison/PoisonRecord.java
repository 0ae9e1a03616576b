package dev.tend.systemtests.poison;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.EventTypes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A record no consumer can process, and the reason it must be dead-lettered with. Keyed by a customer id, so it
 * shares a partition with the valid record sent after it, which a consumer can only reach by getting past it.
 *
 * @param kind           short name for reports
 * @param value          the raw bytes put on the topic
 * @param expectedReason what the {@code dead-letter-reason} header must contain
 */
public record PoisonRecord(String kind, byte[] value, String expectedReason) {

    /** About 900 KB: far beyond any real event, still under the broker's 1 MB limit. */
    public static final int HUGE_BYTES = 900 * 1024;

    public static PoisonRecord notJson(UUID customerId) {
        return new PoisonRecord("not JSON", ("this is not JSON, customer " + customerId).getBytes(StandardCharsets.UTF_8),
                "not a valid event envelope");
    }

    /** Bytes that are not UTF-8 at all: the string deserializer turns them into replacement characters. */
    public static PoisonRecord badUtf8(UUID customerId) {
        byte[] prefix = "{\"eventId\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + 6];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xA0, (byte) 0xA1};
        System.arraycopy(invalid, 0, bytes, prefix.length, invalid.length);
        return new PoisonRecord("bad UTF-8", bytes, "not a valid event envelope");
    }

    /** A known type whose payload has the wrong shape for its schema. */
    public static PoisonRecord wrongSchema(UUID customerId, String type, Map<String, Object> data) {
        return new PoisonRecord("wrong schema", envelope(customerId, type, data), "does not match its schema");
    }

    public static PoisonRecord unknownType(UUID customerId) {
        return new PoisonRecord("unknown type", envelope(customerId, "CustomerTeleported", Map.of("to", "Mars")),
                "unknown event type 'CustomerTeleported'");
    }

    /** A well-formed envelope of a type every consumer reads, padded to {@link #HUGE_BYTES}. */
    public static PoisonRecord huge(UUID customerId, String type) {
        return new PoisonRecord("huge (900 KB)", envelope(customerId, type, Map.of("padding", "x".repeat(HUGE_BYTES))),
                "record larger than " + Events.MAX_RECORD_BYTES + " bytes");
    }

    private static byte[] envelope(UUID customerId, String type, Map<String, Object> data) {
        if (!type.equals("CustomerTeleported") && !EventTypes.isKnown(type)) {
            throw new IllegalArgumentException(type);
        }
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), customerId,
                "poison-" + UUID.randomUUID(), Events.mapper().valueToTree(data));
        return Events.write(envelope).getBytes(StandardCharsets.UTF_8);
    }
}
