package dev.tend.contracts.conversation;

import dev.tend.contracts.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * The message of ours a customer's message answers: the last one sent to that number or address within the
 * reply window, or the one its signed Reply-To address or rating link names.
 */
public record InReplyTo(UUID notificationId, UUID taskId, String templateKey, Channel channel, Instant sentAt) {
}
