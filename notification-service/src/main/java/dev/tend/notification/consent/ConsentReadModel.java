package dev.tend.notification.consent;

import dev.tend.contracts.Channel;
import dev.tend.contracts.customer.Consent;
import dev.tend.contracts.customer.CustomerSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What customer-service last said about each household's consent and phones, kept from its events so a send
 * can be checked at the last moment without calling it. A channel with no consent on record is not consented.
 */
@ApplicationScoped
public class ConsentReadModel {

    private final EntityManager entityManager;

    public ConsentReadModel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Applies a snapshot unless a newer one was applied already (events of one customer arrive in order, but may repeat). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CustomerSnapshot customer, Instant now) {
        int updated = entityManager.createNativeQuery("""
                        INSERT INTO recipient (customer_id, name, version, updated_at) VALUES (:id, :name, :version, :now)
                        ON CONFLICT (customer_id) DO UPDATE SET name = :name, version = :version, updated_at = :now
                        WHERE recipient.version < :version""")
                .setParameter("id", customer.customerId())
                .setParameter("name", customer.name())
                .setParameter("version", customer.version())
                .setParameter("now", now)
                .executeUpdate();
        if (updated == 0) {
            return;
        }
        entityManager.createNativeQuery("DELETE FROM recipient_consent WHERE customer_id = :id")
                .setParameter("id", customer.customerId()).executeUpdate();
        if (customer.consents() != null) {
            customer.consents().forEach(consent -> upsert(customer.customerId(), consent));
        }
        entityManager.createNativeQuery("DELETE FROM recipient_phone WHERE customer_id = :id")
                .setParameter("id", customer.customerId()).executeUpdate();
        if (customer.phones() != null) {
            customer.phones().stream().distinct().forEach(phone -> entityManager.createNativeQuery(
                            "INSERT INTO recipient_phone (customer_id, phone) VALUES (:id, :phone) ON CONFLICT DO NOTHING")
                    .setParameter("id", customer.customerId())
                    .setParameter("phone", phone)
                    .executeUpdate());
        }
        entityManager.createNativeQuery("DELETE FROM recipient_email WHERE customer_id = :id")
                .setParameter("id", customer.customerId()).executeUpdate();
        if (customer.emails() != null) {
            customer.emails().stream().filter(email -> email != null && email.contains("@"))
                    .map(ConsentReadModel::normaliseEmail).distinct()
                    .forEach(email -> entityManager.createNativeQuery(
                                    "INSERT INTO recipient_email (customer_id, email) VALUES (:id, :email) ON CONFLICT DO NOTHING")
                            .setParameter("id", customer.customerId())
                            .setParameter("email", email)
                            .executeUpdate());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID customerId, Consent consent, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO recipient (customer_id, version, updated_at) VALUES (:id, 0, :now)
                        ON CONFLICT (customer_id) DO NOTHING""")
                .setParameter("id", customerId)
                .setParameter("now", now)
                .executeUpdate();
        upsert(customerId, consent);
    }

    private void upsert(UUID customerId, Consent consent) {
        if (consent == null || consent.channel() == null) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO recipient_consent (customer_id, channel, granted, source, changed_at)
                        VALUES (:id, :channel, :granted, :source, :changedAt)
                        ON CONFLICT (customer_id, channel) DO UPDATE
                        SET granted = :granted, source = :source, changed_at = :changedAt
                        WHERE recipient_consent.changed_at <= :changedAt""")
                .setParameter("id", customerId)
                .setParameter("channel", consent.channel().name())
                .setParameter("granted", consent.granted())
                .setParameter("source", consent.source())
                .setParameter("changedAt", consent.changedAt() == null ? Instant.EPOCH : consent.changedAt())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID customerId) {
        for (String table : List.of("recipient_consent", "recipient_phone", "recipient_email", "recipient")) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE customer_id = :id")
                    .setParameter("id", customerId).executeUpdate();
        }
    }

    public boolean isKnown(UUID customerId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM recipient WHERE customer_id = :id")
                .setParameter("id", customerId).getResultList().isEmpty();
    }

    /** Empty when there is no consent on record for the channel, which counts as not consented. */
    public Optional<Boolean> consent(UUID customerId, Channel channel) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT granted FROM recipient_consent WHERE customer_id = :id AND channel = :channel")
                .setParameter("id", customerId)
                .setParameter("channel", channel.name())
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Boolean) rows.get(0));
    }

    public List<UUID> customersWithEmail(String email) {
        return entityManager.createNativeQuery("SELECT customer_id FROM recipient_email WHERE email = :email ORDER BY customer_id", UUID.class)
                .setParameter("email", normaliseEmail(email))
                .getResultList()
                .stream().map(UUID.class::cast).toList();
    }

    /** The household's phone numbers (E.164) and email addresses on record, in a stable order. */
    public List<String> phones(UUID customerId) {
        return addresses("SELECT phone FROM recipient_phone WHERE customer_id = :id ORDER BY phone", customerId);
    }

    public List<String> emails(UUID customerId) {
        return addresses("SELECT email FROM recipient_email WHERE customer_id = :id ORDER BY email", customerId);
    }

    public Optional<String> name(UUID customerId) {
        List<?> rows = entityManager.createNativeQuery("SELECT name FROM recipient WHERE customer_id = :id")
                .setParameter("id", customerId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.get(0));
    }

    private List<String> addresses(String sql, UUID customerId) {
        return entityManager.createNativeQuery(sql, String.class).setParameter("id", customerId).getResultList()
                .stream().map(String.class::cast).toList();
    }

    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public List<UUID> customersWithPhone(String phone) {
        return entityManager.createNativeQuery("SELECT customer_id FROM recipient_phone WHERE phone = :phone ORDER BY customer_id", UUID.class)
                .setParameter("phone", phone)
                .getResultList()
                .stream().map(UUID.class::cast).toList();
    }
}
