package dev.tend.notification.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a household's conversation: {@code OUT} (a notification we sent, or are sending) or {@code IN}
 * (what they wrote). {@code templateKey} is set for ours ({@code staff-message} for a staff answer), {@code kind}
 * and {@code rating} for theirs; {@code address} is the number or address it went to or came from.
 */
public record ConversationEntry(String direction, UUID id, String channel, String status, String templateKey,
                                String kind, String subject, String body, String address, Integer rating,
                                UUID inReplyTo, Instant at) {
}
