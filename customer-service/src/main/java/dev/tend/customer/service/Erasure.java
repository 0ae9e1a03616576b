package dev.tend.customer.service;

import dev.tend.contracts.customer.CustomerErased;
import dev.tend.customer.Customer;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The right to erasure: deletes everything customer-service holds of a household (its pets, photos,
 * visits, consents, stored idempotent responses and any of its events not yet published) and publishes
 * {@link CustomerErased}, which carries no personal data, for the other services to do the same.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    private final CustomerService customers;
    private final CustomerEvents events;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;
    private final AuditTrail audit;

    public Erasure(CustomerService customers, CustomerEvents events, Outbox outbox, EntityManager entityManager, Clock clock,
                   AuditTrail audit) {
        this.audit = audit;
        this.customers = customers;
        this.events = events;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public void erase(UUID customerId) {
        Customer customer = customers.find(customerId);
        String id = customerId.toString();
        for (String statement : List.of(
                "DELETE FROM pet_photo WHERE pet_id IN (SELECT id FROM pet WHERE customer_id = :id)",
                "DELETE FROM visit WHERE customer_id = :id",
                "DELETE FROM pet WHERE customer_id = :id",
                "DELETE FROM customer_consent WHERE customer_id = :id")) {
            entityManager.createNativeQuery(statement).setParameter("id", customerId).executeUpdate();
        }
        outbox.discardPending(customerId);
        // Stored responses for retried creates hold the customer's details; every one names the customer's id.
        entityManager.createNativeQuery("DELETE FROM idempotency_record WHERE response_body LIKE :id")
                .setParameter("id", "%" + id + "%").executeUpdate();
        customer.delete();
        events.publish(customerId, new CustomerErased(customerId, clock.instant()));
        // The household's audit entries stay (audit_entry is append-only): they name it only by this id.
        audit.record(AuditAction.CUSTOMER_ERASED, customerId, Map.of());
        LOG.infof("Erased customer %s", customerId);
    }
}
