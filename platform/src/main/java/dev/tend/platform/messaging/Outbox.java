package dev.tend.platform.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.platform.observability.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists exactly when
 * the state change that caused it committed. The {@link OutboxRelay} publishes them afterwards.
 *
 * <p>A transaction's events are written together just before it commits, as one JDBC batch, straight on the
 * transaction's connection. Inserting each through Hibernate instead made Hibernate dirty-check the whole
 * session before every insert: a scheduler pass firing hundreds of tasks spent most of its time there (JFR,
 * {@code ./tend bench}).
 */
@ApplicationScoped
public class Outbox {

    static final String WAKE_UP_CHANNEL = "tend_outbox";
    private static final String INSERT = """
            INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, traceparent, tracestate)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /** The key under which a transaction keeps its events until it commits. */
    private static final Object PENDING = new Object();

    /** {@code trace}: the context the event was published in, so the relay can continue it much later. */
    private record Row(UUID eventId, String topic, String key, String type, String payload, TraceContext trace) {
    }

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope envelope) {
        pendingInThisTransaction().add(new Row(envelope.eventId(), topic, envelope.customerId().toString(),
                envelope.type(), Events.write(envelope), TraceContext.current()));
    }

    /**
     * Drops a customer's events not yet published, in the caller's transaction: after an erasure, they would
     * carry the customer's data out, or ask for a message to be sent to someone who is to be forgotten.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discardPending(UUID customerId) {
        String key = customerId.toString();
        pendingInThisTransaction().removeIf(row -> row.key().equals(key));
        entityManager.createNativeQuery("DELETE FROM outbox_message WHERE message_key = :key")
                .setParameter("key", key)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Row> pendingInThisTransaction() {
        List<Row> rows = (List<Row>) transactions.getResource(PENDING);
        if (rows == null) {
            List<Row> created = new ArrayList<>();
            rows = created;
            transactions.putResource(PENDING, created);
            // The session bound to this transaction, captured now: at completion the proxy may not resolve it.
            Session session = entityManager.unwrap(Session.class);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getRollbackOnly() || created.isEmpty()) {
                        return;
                    }
                    write(session, created);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        return rows;
    }

    /** A failure here fails the commit, so the transaction's state change and its events stay together. */
    private static void write(Session session, List<Row> rows) {
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Row row : rows) {
                    insert.setObject(1, row.eventId());
                    insert.setString(2, row.topic());
                    insert.setString(3, row.key());
                    insert.setString(4, row.type());
                    insert.setString(5, row.payload());
                    insert.setString(6, row.trace().traceparent());
                    insert.setString(7, row.trace().tracestate());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement notify = connection.createStatement()) {
                // Delivered by PostgreSQL only when (and if) the transaction commits: the relay wakes at once
                // instead of waiting for its next poll.
                notify.execute("SELECT pg_notify('" + WAKE_UP_CHANNEL + "', '')");
            }
        });
    }
}
