package dev.tend.followup.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventTypes;
import dev.tend.contracts.Events;
import dev.tend.contracts.conversation.CustomerMessageReceived;
import dev.tend.followup.service.Replies;
import dev.tend.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What customers wrote to the clinic: replies for the worklist, ratings for feedback. */
@ApplicationScoped
public class CustomerMessagesConsumer {

    private static final String CONSUMER = "followup.customer-messages";

    private final InboundEvents inbound;
    private final Replies replies;

    public CustomerMessagesConsumer(InboundEvents inbound, Replies replies) {
        this.inbound = inbound;
        this.replies = replies;
    }

    @Incoming("customer-messages")
    @Blocking
    public void consume(String record) {
        inbound.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        EventTypes.requireKnown(envelope);
        if (envelope.type().equals(CustomerMessageReceived.class.getSimpleName())) {
            replies.receive(envelope, Events.payload(envelope, CustomerMessageReceived.class));
        }
    }
}
