package dev.tend.notification.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.contracts.notification.NotificationStatusChanged;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.platform.messaging.Outbox;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due emails. Each is claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances never send the
 * same one, and its outcome (and the status event) commits with the claim. A transient failure is retried
 * later with exponential backoff and jitter, remembered in the row so a restart does not forget it.
 */
@ApplicationScoped
public class EmailDelivery {

    private static final Logger LOG = Logger.getLogger(EmailDelivery.class);

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final Outbox outbox;
    private final NotificationConfig config;
    private final Clock clock;

    public EmailDelivery(EntityManager entityManager, Mailer mailer, Outbox outbox, NotificationConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** @return how many messages were attempted */
    @Transactional
    public int deliverDue() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT id FROM notification
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("now", clock.instant())
                .setParameter("limit", config.dispatcher().batchSize())
                .getResultList();
        for (UUID id : ids) {
            deliver(Notification.findById(id));
        }
        return ids.size();
    }

    private void deliver(Notification notification) {
        notification.attempts++;
        String messageId = "<" + notification.id + "@tend>";
        try {
            mailer.send(Mail.withText(notification.recipient, notification.subject, notification.bodyText)
                    .setHtml(notification.bodyHtml)
                    .addHeader("Message-ID", messageId));
        } catch (RuntimeException e) {
            retryOrFail(notification, e);
            return;
        }
        notification.status = DeliveryStatus.SENT.name();
        notification.providerMessageId = messageId;
        notification.sentAt = clock.instant();
        notification.nextAttemptAt = null;
        LOG.infof("Sent email %s (template %s, attempt %d)", notification.id, notification.templateKey, notification.attempts);
        publishStatus(notification, DeliveryStatus.SENT, null, false);
    }

    private void retryOrFail(Notification notification, RuntimeException failure) {
        String reason = "SMTP: " + failure.getMessage();
        if (notification.attempts >= config.dispatcher().maxAttempts()) {
            notification.status = DeliveryStatus.FAILED.name();
            notification.statusReason = reason + " (gave up after " + notification.attempts + " attempts)";
            notification.nextAttemptAt = null;
            LOG.warnf("Gave up on email %s: %s", notification.id, notification.statusReason);
            publishStatus(notification, DeliveryStatus.FAILED, notification.statusReason, true);
            return;
        }
        Duration delay = backoff(notification.attempts);
        notification.statusReason = reason;
        notification.nextAttemptAt = clock.instant().plus(delay);
        LOG.warnf("Email %s failed (attempt %d), retrying in %d s: %s", notification.id, notification.attempts,
                delay.toSeconds(), failure.getMessage());
    }

    /** Exponential, capped, with full jitter so many retries after an outage do not arrive at once. */
    private Duration backoff(int attempts) {
        long first = config.dispatcher().firstRetryDelay().toMillis();
        long cap = config.dispatcher().maxRetryDelay().toMillis();
        long exponential = Math.min(cap, first << Math.min(attempts - 1, 20));
        return Duration.ofMillis(first / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, exponential - first / 2)));
    }

    private void publishStatus(Notification notification, DeliveryStatus status, String reason, boolean permanent) {
        Instant now = clock.instant();
        outbox.publish(Topics.NOTIFICATION_STATUS, Events.envelope(
                new NotificationStatusChanged(notification.id, notification.taskId, notification.customerId,
                        Channel.valueOf(notification.channel), status, reason, permanent, notification.providerMessageId),
                notification.customerId, now, notification.correlationId));
    }
}
