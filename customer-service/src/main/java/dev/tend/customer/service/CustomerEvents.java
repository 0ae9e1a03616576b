package dev.tend.customer.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventPayload;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.VisitSnapshot;
import dev.tend.customer.Customer;
import dev.tend.customer.Visit;
import dev.tend.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Publishes customer-service's events through the outbox, carrying the state consumers need. */
@ApplicationScoped
public class CustomerEvents {

    private final Outbox outbox;
    private final Clock clock;

    public CustomerEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void publish(UUID customerId, EventPayload payload) {
        outbox.publish(Topics.CUSTOMER_EVENTS, Events.envelope(payload, customerId, clock.instant(), null));
    }

    public static CustomerSnapshot snapshot(Customer customer) {
        return new CustomerSnapshot(customer.id, customer.name,
                customer.email == null ? List.of() : List.of(customer.email),
                customer.phone == null ? List.of() : List.of(customer.phone),
                null, customer.timezone, customer.locale, List.of(Channel.EMAIL), List.of(), Set.of(),
                customer.version);
    }

    public static VisitSnapshot snapshot(Visit visit, Customer customer) {
        return new VisitSnapshot(visit.id, visit.customerId, visit.petId, visit.visitType, visit.reason,
                visit.staffMember, visit.visitedAt.atZone(ZoneId.of(customer.timezone)).toOffsetDateTime(),
                visit.recheckDate, visit.outcome, visit.notes, visit.version);
    }
}
