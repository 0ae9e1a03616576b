package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.VisitRecorded;
import dev.tend.contracts.customer.VisitSnapshot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Events as customer-service publishes them. */
final class CustomerEventFixtures {

    private CustomerEventFixtures() {
    }

    static EventEnvelope customerRegistered(UUID customerId, String name, String email) {
        CustomerSnapshot customer = new CustomerSnapshot(customerId, name, List.of(email), List.of(), null,
                "Europe/London", "en-GB", List.of(Channel.EMAIL), List.of(), Set.of(), 0);
        return Events.envelope(new CustomerRegistered(customer), customerId, Instant.now(), null);
    }

    static EventEnvelope visitRecorded(UUID customerId, OffsetDateTime visitedAt) {
        VisitSnapshot visit = new VisitSnapshot(UUID.randomUUID(), customerId, null, "wellness", "Annual check-up",
                "Dr. Amy Patel", visitedAt, null, null, null, 0);
        return Events.envelope(new VisitRecorded(visit), customerId, Instant.now(), "corr-" + visit.visitId());
    }
}
