package dev.tend.notification.service;

import java.util.UUID;

/**
 * One recorded attempt to send a message, taken out of the database so the provider is called outside any
 * transaction. {@code reconciling} is set when an earlier attempt's outcome was never learned.
 */
public record Attempt(UUID notificationId, String channel, UUID customerId, String recipient, String subject,
                      String text, String html, int number, boolean reconciling) {
}
