package dev.tend.notification.consent;

import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.customer.ConsentChangeRequested;
import dev.tend.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Tells customer-service, the owner of consent, about a change a customer made through us. */
@ApplicationScoped
public class ConsentRequests {

    private final Outbox outbox;

    public ConsentRequests(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void request(UUID customerId, Channel channel, boolean granted, String source, Instant now) {
        outbox.publish(Topics.CONSENT_REQUESTS, Events.envelope(
                new ConsentChangeRequested(customerId, channel, granted, source, now), customerId, now, null));
    }
}
