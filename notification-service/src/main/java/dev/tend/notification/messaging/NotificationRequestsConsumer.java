package dev.tend.notification.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventTypes;
import dev.tend.contracts.Events;
import dev.tend.contracts.MalformedEventException;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.notification.service.NotificationIntake;
import dev.tend.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class NotificationRequestsConsumer {

    private static final String CONSUMER = "notification.requests";

    private final InboundEvents inbound;
    private final NotificationIntake intake;

    public NotificationRequestsConsumer(InboundEvents inbound, NotificationIntake intake) {
        this.inbound = inbound;
        this.intake = intake;
    }

    @Incoming("notification-requests")
    @Blocking
    public void consume(String record) {
        inbound.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        EventTypes.requireKnown(envelope);
        if (!envelope.type().equals(NotificationRequested.class.getSimpleName())) {
            return;
        }
        NotificationRequested request = Events.payload(envelope, NotificationRequested.class);
        if (request.notificationId() == null || request.customerId() == null || request.channel() == null
                || request.templateKey() == null) {
            throw new MalformedEventException("NotificationRequested needs notificationId, customerId, channel and templateKey");
        }
        intake.accept(envelope, request);
    }
}
