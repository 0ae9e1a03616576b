package dev.tend.notification.service;

import dev.tend.platform.observability.TraceContext;

import java.util.UUID;

/**
 * One recorded attempt to send a message, taken out of the database so the provider is called outside any
 * transaction. {@code reconciling} is set when an earlier attempt's outcome was never learned; {@code trace} is
 * the trace the message was requested in, which its sending continues.
 */
public record Attempt(UUID notificationId, String channel, UUID customerId, String recipient, String subject,
                      String text, String html, int number, boolean reconciling, TraceContext trace) {
}
