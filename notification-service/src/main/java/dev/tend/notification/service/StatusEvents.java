package dev.tend.notification.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.contracts.notification.NotificationStatusChanged;
import dev.tend.notification.Notification;
import dev.tend.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Moves a notification to a reported status and publishes the change, in the caller's transaction. */
@ApplicationScoped
public class StatusEvents {

    private final Outbox outbox;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public StatusEvents(Outbox outbox, DeliveryMetrics metrics, Clock clock) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void change(Notification notification, DeliveryStatus status, String reason, boolean permanent) {
        notification.status = status.name();
        notification.statusReason = reason;
        notification.nextAttemptAt = null;
        if (status == DeliveryStatus.SENT) {
            notification.sentAt = clock.instant();
        }
        metrics.status(notification.channel, status.name());
        outbox.publish(Topics.NOTIFICATION_STATUS, Events.envelope(
                new NotificationStatusChanged(notification.id, notification.taskId, notification.customerId,
                        Channel.valueOf(notification.channel), status, reason, permanent, notification.providerMessageId),
                notification.customerId, clock.instant(), notification.correlationId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fail(Notification notification, String reason) {
        change(notification, DeliveryStatus.FAILED, reason, true);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suppress(Notification notification, String reason) {
        change(notification, DeliveryStatus.SUPPRESSED, reason, true);
    }
}
