package dev.tend.customer.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.customer.Consent;
import dev.tend.contracts.customer.ConsentChanged;
import dev.tend.customer.CustomerConsent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Records consent decisions; each change of a channel's consent is published as {@link ConsentChanged}. */
@ApplicationScoped
public class ConsentService {

    private final CustomerEvents events;
    private final Clock clock;

    public ConsentService(CustomerEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** A decision about an existing customer: recorded and, if it changes anything, published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CustomerConsent decide(UUID customerId, Channel channel, boolean granted, String source) {
        CustomerConsent consent = CustomerConsent.find(customerId, channel.name());
        if (consent != null && consent.granted == granted) {
            return consent;
        }
        consent = record(customerId, channel, granted, source);
        events.publish(customerId, new ConsentChanged(customerId,
                new Consent(channel, granted, source, consent.changedAt)));
        return consent;
    }

    /**
     * Records a decision without publishing it: for consents given at registration, which travel inside
     * {@code CustomerRegistered} (a separate event would reach consumers before the customer does).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CustomerConsent record(UUID customerId, Channel channel, boolean granted, String source) {
        CustomerConsent consent = CustomerConsent.find(customerId, channel.name());
        if (consent == null) {
            consent = new CustomerConsent();
            consent.id = UUID.randomUUID();
            consent.customerId = customerId;
            consent.channel = channel.name();
        }
        consent.granted = granted;
        consent.source = source;
        consent.changedAt = clock.instant();
        consent.persist();
        return consent;
    }
}
