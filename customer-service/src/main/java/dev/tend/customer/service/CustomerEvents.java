package dev.tend.customer.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventPayload;
import dev.tend.contracts.Events;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.Topics;
import dev.tend.contracts.customer.Consent;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.contracts.customer.VisitSnapshot;
import dev.tend.customer.Customer;
import dev.tend.customer.CustomerConfig;
import dev.tend.customer.CustomerConsent;
import dev.tend.customer.Pet;
import dev.tend.customer.PetPhoto;
import dev.tend.customer.Visit;
import dev.tend.platform.messaging.Outbox;
import dev.tend.platform.observability.Correlation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Publishes customer-service's events through the outbox, each carrying the whole entity as it now is,
 * so consumers act without calling back.
 */
@ApplicationScoped
public class CustomerEvents {

    private final Outbox outbox;
    private final CustomerConfig config;
    private final Clock clock;

    public CustomerEvents(Outbox outbox, CustomerConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public void publish(UUID customerId, EventPayload payload) {
        outbox.publish(Topics.CUSTOMER_EVENTS, Events.envelope(payload, customerId, clock.instant(), Correlation.current()));
    }

    public static CustomerSnapshot snapshot(Customer customer) {
        List<Consent> consents = CustomerConsent.of(customer.id).stream()
                .map(c -> new Consent(Channel.valueOf(c.channel), c.granted, c.source, c.changedAt))
                .toList();
        return new CustomerSnapshot(customer.id, customer.name, List.copyOf(customer.emails),
                List.copyOf(customer.phones), address(customer), customer.timezone, customer.locale,
                customer.preferredChannels.stream().map(Channel::valueOf).toList(), consents,
                new LinkedHashSet<>(customer.tags), customer.version);
    }

    private static PostalAddress address(Customer customer) {
        if (customer.addressLine1 == null) {
            return null;
        }
        return new PostalAddress(customer.addressLine1, customer.addressLine2, customer.addressCity,
                customer.addressRegion, customer.addressPostalCode, customer.addressCountry);
    }

    public PetSnapshot snapshot(Pet pet) {
        return new PetSnapshot(pet.id, pet.customerId, pet.name, pet.species, pet.breed, pet.birthDate, pet.status,
                pet.diedOn, photoUrl(pet), pet.version, pet.sex);
    }

    /** The photo's public address, or null when the pet has none. */
    public String photoUrl(Pet pet) {
        return PetPhoto.count("petId", pet.id) == 0 ? null : config.publicBaseUrl() + "/pets/" + pet.id + "/photo";
    }

    public static VisitSnapshot snapshot(Visit visit, Customer customer) {
        return new VisitSnapshot(visit.id, visit.customerId, visit.petId, visit.visitType, visit.reason,
                visit.staffMember, visit.visitedAt.atZone(ZoneId.of(customer.timezone)).toOffsetDateTime(),
                visit.recheckDate, visit.outcome, visit.notes, visit.version,
                visit.imported ? Boolean.TRUE : null);
    }
}
