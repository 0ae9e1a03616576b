package dev.tend.followup.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventTypes;
import dev.tend.contracts.Events;
import dev.tend.contracts.customer.ConsentChanged;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerUpdated;
import dev.tend.contracts.customer.PetDied;
import dev.tend.contracts.customer.PetRegistered;
import dev.tend.contracts.customer.PetUpdated;
import dev.tend.contracts.customer.VisitCancelled;
import dev.tend.contracts.customer.VisitCorrected;
import dev.tend.contracts.customer.VisitRecorded;
import dev.tend.followup.service.PlanChanges;
import dev.tend.platform.messaging.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class CustomerEventsConsumer {

    private static final String CONSUMER = "followup.customer-events";

    private final InboundEvents inbound;
    private final PlanChanges changes;

    public CustomerEventsConsumer(InboundEvents inbound, PlanChanges changes) {
        this.inbound = inbound;
        this.changes = changes;
    }

    @Incoming("customer-events")
    @Blocking
    public void consume(String record) {
        inbound.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        EventTypes.requireKnown(envelope);
        switch (envelope.type()) {
            case "CustomerRegistered" -> changes.onCustomer(Events.payload(envelope, CustomerRegistered.class).customer());
            case "CustomerUpdated" -> changes.onCustomer(Events.payload(envelope, CustomerUpdated.class).customer());
            case "ConsentChanged" -> changes.onConsentChanged(Events.payload(envelope, ConsentChanged.class));
            case "PetRegistered" -> changes.onPet(Events.payload(envelope, PetRegistered.class).pet());
            case "PetUpdated" -> changes.onPet(Events.payload(envelope, PetUpdated.class).pet());
            case "PetDied" -> changes.onPetDied(envelope, Events.payload(envelope, PetDied.class).pet());
            case "VisitRecorded" -> changes.onVisitRecorded(envelope, Events.payload(envelope, VisitRecorded.class).visit());
            case "VisitCorrected" -> changes.onVisitCorrected(envelope, Events.payload(envelope, VisitCorrected.class).visit());
            case "VisitCancelled" -> {
                VisitCancelled cancelled = Events.payload(envelope, VisitCancelled.class);
                changes.onVisitCancelled(cancelled.visit(), cancelled.reason());
            }
            // Matched by name: the erasure carries nothing but the customer id the envelope already holds.
            case "CustomerErased" -> changes.onCustomerErased(envelope.customerId());
            default -> {
                // Known events published for other consumers.
            }
        }
    }
}
