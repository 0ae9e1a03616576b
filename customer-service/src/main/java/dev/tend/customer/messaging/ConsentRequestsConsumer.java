package dev.tend.customer.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventTypes;
import dev.tend.contracts.Events;
import dev.tend.contracts.MalformedEventException;
import dev.tend.contracts.customer.ConsentChangeRequested;
import dev.tend.customer.Customer;
import dev.tend.customer.service.ConsentService;
import dev.tend.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies consent changes made outside customer-service (an SMS "STOP", an unsubscribe link) and
 * republishes them as ConsentChanged, so the system of record and every consumer agree.
 */
@ApplicationScoped
public class ConsentRequestsConsumer {

    private static final String CONSUMER = "customer.consent-requests";

    private final InboundEvents inbound;
    private final ConsentService consents;

    public ConsentRequestsConsumer(InboundEvents inbound, ConsentService consents) {
        this.inbound = inbound;
        this.consents = consents;
    }

    @Incoming("consent-requests")
    @Blocking
    public void consume(String record) {
        inbound.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        EventTypes.requireKnown(envelope);
        if (!envelope.type().equals(ConsentChangeRequested.class.getSimpleName())) {
            return;
        }
        ConsentChangeRequested request = Events.payload(envelope, ConsentChangeRequested.class);
        if (request.customerId() == null || request.channel() == null || request.source() == null) {
            throw new MalformedEventException("ConsentChangeRequested needs customerId, channel and source");
        }
        if (Customer.findById(request.customerId()) == null) {
            throw new MalformedEventException("no customer " + request.customerId());
        }
        consents.decide(request.customerId(), request.channel(), request.granted(), request.source());
    }
}
