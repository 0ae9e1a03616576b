package dev.tend.notification.consent;

import dev.tend.contracts.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Addresses never to contact on a channel, whatever the consent read model says: it is updated the moment a
 * STOP, an unsubscribe or a hard bounce arrives, while the consent change makes its way round customer-service.
 */
@ApplicationScoped
public class Suppressions {

    public static final String SMS_STOP = "recipient replied STOP";
    public static final String UNSUBSCRIBED = "recipient unsubscribed by the link in an email";
    public static final String HARD_BOUNCE = "hard bounce";

    private final EntityManager entityManager;

    public Suppressions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suppress(Channel channel, String address, String reason, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO suppression (channel, address, reason, created_at) VALUES (:channel, :address, :reason, :now)
                        ON CONFLICT (channel, address) DO UPDATE SET reason = :reason, created_at = :now""")
                .setParameter("channel", channel.name())
                .setParameter("address", normalise(channel, address))
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** @return whether there was a suppression to lift */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lift(Channel channel, String address) {
        return entityManager.createNativeQuery("DELETE FROM suppression WHERE channel = :channel AND address = :address")
                .setParameter("channel", channel.name())
                .setParameter("address", normalise(channel, address))
                .executeUpdate() > 0;
    }

    public Optional<String> reason(Channel channel, String address) {
        if (address == null) {
            return Optional.empty();
        }
        List<?> rows = entityManager.createNativeQuery("SELECT reason FROM suppression WHERE channel = :channel AND address = :address")
                .setParameter("channel", channel.name())
                .setParameter("address", normalise(channel, address))
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    private static String normalise(Channel channel, String address) {
        return channel == Channel.EMAIL ? address.strip().toLowerCase(java.util.Locale.ROOT) : address.strip();
    }
}
