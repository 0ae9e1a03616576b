package dev.tend.followup.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.contracts.notification.Recipient;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupTask;
import dev.tend.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claims due tasks and fires them. The claim locks rows with {@code FOR UPDATE SKIP LOCKED}: any number of
 * instances poll at once, each takes tasks no other holds, and a task's status changes in the same
 * transaction that writes its {@code NotificationRequested} to the outbox, so it fires once or not at all.
 */
@ApplicationScoped
public class TaskFiring {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final CustomerProfiles profiles;
    private final Outbox outbox;
    private final Clock clock;

    public TaskFiring(EntityManager entityManager, CustomerProfiles profiles, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.profiles = profiles;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return how many tasks were fired or settled */
    @Transactional
    public int fireDue(int batchSize) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT id FROM followup_task
                        WHERE status = 'PENDING' AND due_at <= :now
                        ORDER BY due_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("now", now)
                .setParameter("limit", batchSize)
                .getResultList();
        for (UUID id : ids) {
            fire(FollowupTask.findById(id), now);
        }
        return ids.size();
    }

    private void fire(FollowupTask task, Instant now) {
        CustomerProfile customer = profiles.find(task.customerId);
        Channel channel = Channel.valueOf(task.channel);
        if (channel == Channel.EMAIL && (customer == null || customer.email == null)) {
            task.status = FollowupTask.Status.SUPPRESSED;
            task.statusReason = "no email address on file";
            return;
        }
        UUID notificationId = task.id;
        Recipient recipient = new Recipient(customer.name, customer.email, customer.phone, null, customer.locale,
                customer.timezone);
        NotificationRequested request = new NotificationRequested(notificationId, task.id, task.customerId, channel,
                task.templateKey, recipient, personalisation(task));
        outbox.publish(Topics.NOTIFICATION_REQUESTS, Events.envelope(request, task.customerId, now, task.correlationId));
        task.status = FollowupTask.Status.FIRED;
        task.firedAt = now;
    }

    private static Map<String, String> personalisation(FollowupTask task) {
        try {
            return Events.mapper().readValue(task.personalisation, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Task " + task.id + " holds unreadable personalisation", e);
        }
    }
}
