package dev.tend.contracts.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventPayload;

import java.util.UUID;

/**
 * What became of a requested message. {@code reason} explains {@code FAILED} and {@code SUPPRESSED};
 * {@code permanent} tells followup-service whether to fall back to another channel.
 */
public record NotificationStatusChanged(
        UUID notificationId,
        UUID taskId,
        UUID customerId,
        Channel channel,
        DeliveryStatus status,
        String reason,
        boolean permanent,
        String providerMessageId) implements EventPayload {
}
