package dev.tend.notification.rest;

import dev.tend.notification.Notification;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(UUID id, UUID taskId, UUID customerId, String channel, String templateKey, String locale,
                               String recipient, String status, String statusReason, int attempts, Instant nextAttemptAt,
                               String providerMessageId, Integer segments, UUID printJobId, String subject,
                               String bodyText, Instant createdAt, Instant sentAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.taskId, n.customerId, n.channel, n.templateKey, n.locale, n.recipient,
                n.status, n.statusReason, n.attempts, n.nextAttemptAt, n.providerMessageId, n.segments, n.printJobId,
                n.subject, n.bodyText, n.createdAt, n.sentAt);
    }
}
