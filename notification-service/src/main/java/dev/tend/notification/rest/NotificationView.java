package dev.tend.notification.rest;

import dev.tend.notification.Notification;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(UUID id, UUID taskId, UUID customerId, String channel, String templateKey,
                               String status, String statusReason, String subject, String bodyText,
                               Instant createdAt, Instant sentAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id, notification.taskId, notification.customerId,
                notification.channel, notification.templateKey, notification.status, notification.statusReason,
                notification.subject, notification.bodyText, notification.createdAt, notification.sentAt);
    }
}
