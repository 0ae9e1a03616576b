package dev.tend.platform.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.util.UUID;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists exactly when
 * the state change that caused it committed. The {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    static final String WAKE_UP_CHANNEL = "tend_outbox";

    private final EntityManager entityManager;

    public Outbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope envelope) {
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload)
                        VALUES (:eventId, :topic, :key, :type, :payload)""")
                .setParameter("eventId", envelope.eventId())
                .setParameter("topic", topic)
                .setParameter("key", envelope.customerId().toString())
                .setParameter("type", envelope.type())
                .setParameter("payload", Events.write(envelope))
                // Touches only the outbox, so Hibernate need not flush every pending entity change first.
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_message")
                .executeUpdate();
        // Delivered by PostgreSQL only when (and if) the transaction commits: the relay wakes at once
        // instead of waiting for its next poll.
        entityManager.createNativeQuery("SELECT pg_notify('" + WAKE_UP_CHANNEL + "', '')")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_message")
                .getSingleResult();
    }

    /**
     * Drops a customer's events not yet published, in the caller's transaction: after an erasure, they would
     * carry the customer's data out, or ask for a message to be sent to someone who is to be forgotten.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discardPending(UUID customerId) {
        entityManager.createNativeQuery("DELETE FROM outbox_message WHERE message_key = :key")
                .setParameter("key", customerId.toString())
                .executeUpdate();
    }
}
