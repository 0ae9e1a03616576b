package dev.tend.contracts.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventPayload;

import java.util.Map;
import java.util.UUID;

/**
 * A message followup-service wants sent. {@code notificationId} is the idempotency key: whatever the
 * redeliveries, one id is sent at most once. {@code personalisation} holds the template's variables
 * (customer and pet names, visit reason, the signing staff member, the pet photo's URL...).
 */
public record NotificationRequested(
        UUID notificationId,
        UUID taskId,
        UUID customerId,
        Channel channel,
        String templateKey,
        Recipient recipient,
        Map<String, String> personalisation) implements EventPayload {
}
