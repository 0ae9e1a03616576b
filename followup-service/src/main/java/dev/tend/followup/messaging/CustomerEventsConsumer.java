package dev.tend.followup.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventTypes;
import dev.tend.contracts.Events;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerUpdated;
import dev.tend.contracts.customer.VisitRecorded;
import dev.tend.followup.service.CustomerProfiles;
import dev.tend.followup.service.FollowupPlanner;
import dev.tend.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class CustomerEventsConsumer {

    private static final String CONSUMER = "followup.customer-events";

    private final InboundEvents inbound;
    private final CustomerProfiles profiles;
    private final FollowupPlanner planner;

    public CustomerEventsConsumer(InboundEvents inbound, CustomerProfiles profiles, FollowupPlanner planner) {
        this.inbound = inbound;
        this.profiles = profiles;
        this.planner = planner;
    }

    @Incoming("customer-events")
    @Blocking
    public void consume(String record) {
        inbound.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        EventTypes.requireKnown(envelope);
        switch (envelope.type()) {
            case "CustomerRegistered" -> profiles.apply(Events.payload(envelope, CustomerRegistered.class).customer());
            case "CustomerUpdated" -> profiles.apply(Events.payload(envelope, CustomerUpdated.class).customer());
            case "VisitRecorded" -> planner.onVisitRecorded(envelope, Events.payload(envelope, VisitRecorded.class).visit());
            default -> {
                // Known events this service does not act on yet.
            }
        }
    }
}
