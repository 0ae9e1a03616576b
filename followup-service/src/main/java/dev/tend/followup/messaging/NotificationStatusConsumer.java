package dev.tend.followup.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventTypes;
import dev.tend.contracts.Events;
import dev.tend.contracts.notification.NotificationStatusChanged;
import dev.tend.followup.service.DeliveryResults;
import dev.tend.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records on each task what became of its message. */
@ApplicationScoped
public class NotificationStatusConsumer {

    private static final String CONSUMER = "followup.notification-status";

    private final InboundEvents inbound;
    private final DeliveryResults results;

    public NotificationStatusConsumer(InboundEvents inbound, DeliveryResults results) {
        this.inbound = inbound;
        this.results = results;
    }

    @Incoming("notification-status")
    @Blocking
    public void consume(String record) {
        inbound.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        EventTypes.requireKnown(envelope);
        if (envelope.type().equals(NotificationStatusChanged.class.getSimpleName())) {
            results.apply(Events.payload(envelope, NotificationStatusChanged.class));
        }
    }
}
