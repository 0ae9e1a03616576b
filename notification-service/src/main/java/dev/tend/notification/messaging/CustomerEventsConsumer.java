package dev.tend.notification.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventTypes;
import dev.tend.contracts.Events;
import dev.tend.contracts.MalformedEventException;
import dev.tend.contracts.customer.ConsentChanged;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.CustomerUpdated;
import dev.tend.notification.consent.ConsentReadModel;
import dev.tend.notification.service.Erasures;
import dev.tend.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;

/** Keeps the consent read model that every send is checked against. */
@ApplicationScoped
public class CustomerEventsConsumer {

    private static final String CONSUMER = "notification.customer-events";

    private final InboundEvents inbound;
    private final ConsentReadModel consents;
    private final Erasures erasures;
    private final Clock clock;

    public CustomerEventsConsumer(InboundEvents inbound, ConsentReadModel consents, Erasures erasures, Clock clock) {
        this.inbound = inbound;
        this.consents = consents;
        this.erasures = erasures;
        this.clock = clock;
    }

    @Incoming("customer-events")
    @Blocking
    public void consume(String record) {
        inbound.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        EventTypes.requireKnown(envelope);
        switch (envelope.type()) {
            case "CustomerRegistered" -> snapshot(Events.payload(envelope, CustomerRegistered.class).customer());
            case "CustomerUpdated" -> snapshot(Events.payload(envelope, CustomerUpdated.class).customer());
            case "ConsentChanged" -> {
                ConsentChanged changed = Events.payload(envelope, ConsentChanged.class);
                if (changed.consent() == null || changed.consent().channel() == null) {
                    throw new MalformedEventException("ConsentChanged without a consent channel");
                }
                consents.apply(envelope.customerId(), changed.consent(), clock.instant());
            }
            // Matched by name: the CustomerErased record is newer than the contracts this is built against.
            case "CustomerErased" -> erasures.erase(envelope.customerId());
            default -> {
                // Pets and visits matter to followup-service, not to whether we may send.
            }
        }
    }

    private void snapshot(CustomerSnapshot customer) {
        if (customer == null || customer.customerId() == null) {
            throw new MalformedEventException("customer snapshot without a customerId");
        }
        consents.apply(customer, clock.instant());
    }
}
