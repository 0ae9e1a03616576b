package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.customer.Consent;
import dev.tend.contracts.customer.ConsentChanged;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.CustomerUpdated;
import dev.tend.contracts.customer.PetDied;
import dev.tend.contracts.customer.PetRegistered;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.contracts.customer.PetUpdated;
import dev.tend.contracts.customer.VisitCancelled;
import dev.tend.contracts.customer.VisitCorrected;
import dev.tend.contracts.customer.VisitRecorded;
import dev.tend.contracts.customer.VisitSnapshot;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.contracts.notification.NotificationStatusChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Events as customer-service and notification-service publish them. */
final class CustomerEventFixtures {

    static final PostalAddress ADDRESS = new PostalAddress("1 High Street", null, "Bath", null, "BA1 1AA", "GB");

    private CustomerEventFixtures() {
    }

    static EventEnvelope customerRegistered(UUID customerId, String name, String email) {
        return household(customerId).name(name).email(email).consents(Channel.EMAIL).registered();
    }

    static EventEnvelope visitRecorded(UUID customerId, OffsetDateTime visitedAt) {
        return visit(customerId, null, "wellness", visitedAt, null).recorded();
    }

    static Household household(UUID customerId) {
        return new Household(customerId);
    }

    /** A household as customer-service would describe it; consents are granted on the channels given. */
    static final class Household {
        final UUID customerId;
        String name = "Ana Souza";
        String email = "ana@example.com";
        String phone = "+447700900123";
        PostalAddress address = ADDRESS;
        String timezone = "Europe/London";
        List<Channel> preferred = List.of();
        final List<Consent> consents = new ArrayList<>();
        Set<String> tags = Set.of();
        long version;

        Household(UUID customerId) {
            this.customerId = customerId;
        }

        Household name(String name) {
            this.name = name;
            return this;
        }

        Household phone(String phone) {
            this.phone = phone;
            return this;
        }

        Household email(String email) {
            this.email = email;
            return this;
        }

        Household timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        Household prefers(Channel... channels) {
            this.preferred = List.of(channels);
            return this;
        }

        Household consents(Channel... channels) {
            for (Channel channel : channels) {
                consents.add(new Consent(channel, true, "front desk", Instant.parse("2026-01-01T00:00:00Z")));
            }
            return this;
        }

        Household tags(String... tags) {
            this.tags = Set.of(tags);
            return this;
        }

        Household version(long version) {
            this.version = version;
            return this;
        }

        CustomerSnapshot snapshot() {
            return new CustomerSnapshot(customerId, name, email == null ? List.of() : List.of(email),
                    phone == null ? List.of() : List.of(phone), address,
                    timezone, "en-GB", preferred, List.copyOf(consents), tags, version);
        }

        EventEnvelope registered() {
            return Events.envelope(new CustomerRegistered(snapshot()), customerId, Instant.now(), null);
        }

        EventEnvelope updated() {
            return Events.envelope(new CustomerUpdated(snapshot()), customerId, Instant.now(), null);
        }
    }

    static EventEnvelope consentChanged(UUID customerId, Channel channel, boolean granted, Instant at) {
        return Events.envelope(new ConsentChanged(customerId, new Consent(channel, granted, "customer", at)), customerId, at, null);
    }

    static PetSnapshot pet(UUID customerId, UUID petId, String name, LocalDate birthDate) {
        return new PetSnapshot(petId, customerId, name, "dog", "Labrador", birthDate, "active", null,
                "http://photos.example/" + name + ".jpg", 0);
    }

    static EventEnvelope petRegistered(PetSnapshot pet) {
        return Events.envelope(new PetRegistered(pet), pet.customerId(), Instant.now(), null);
    }

    static EventEnvelope petRehomed(PetSnapshot pet) {
        PetSnapshot rehomed = new PetSnapshot(pet.petId(), pet.customerId(), pet.name(), pet.species(), pet.breed(), pet.birthDate(),
                "rehomed", null, pet.photoUrl(), pet.version() + 1);
        return Events.envelope(new PetUpdated(rehomed), pet.customerId(), Instant.now(), null);
    }

    static EventEnvelope petDied(PetSnapshot pet, LocalDate diedOn) {
        PetSnapshot dead = new PetSnapshot(pet.petId(), pet.customerId(), pet.name(), pet.species(), pet.breed(), pet.birthDate(),
                "deceased", diedOn, pet.photoUrl(), pet.version() + 1);
        return Events.envelope(new PetDied(dead), pet.customerId(), Instant.now(), null);
    }

    static VisitFixture visit(UUID customerId, UUID petId, String visitType, OffsetDateTime visitedAt, LocalDate recheckDate) {
        return new VisitFixture(new VisitSnapshot(UUID.randomUUID(), customerId, petId, visitType, "Annual check-up",
                "Dr. Amy Patel", visitedAt, recheckDate, null, "All well", 0));
    }

    static OffsetDateTime local(String localDateTime, String zone) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toOffsetDateTime();
    }

    record VisitFixture(VisitSnapshot visit) {
        EventEnvelope recorded() {
            return Events.envelope(new VisitRecorded(visit), visit.customerId(), Instant.now(), "corr-" + visit.visitId());
        }

        /** Recorded by a practice system as history (an import, a backlog). */
        EventEnvelope imported() {
            VisitSnapshot history = new VisitSnapshot(visit.visitId(), visit.customerId(), visit.petId(), visit.visitType(),
                    visit.reason(), visit.staffMember(), visit.visitedAt(), visit.recheckDate(), visit.outcome(), visit.notes(),
                    visit.version(), true);
            return Events.envelope(new VisitRecorded(history), visit.customerId(), Instant.now(), "corr-" + visit.visitId());
        }

        EventEnvelope corrected(String visitType, LocalDate recheckDate) {
            VisitSnapshot corrected = new VisitSnapshot(visit.visitId(), visit.customerId(), visit.petId(), visitType,
                    visit.reason(), visit.staffMember(), visit.visitedAt(), recheckDate, visit.outcome(), visit.notes(),
                    visit.version() + 1);
            return Events.envelope(new VisitCorrected(corrected), visit.customerId(), Instant.now(), "corr-" + visit.visitId());
        }

        EventEnvelope cancelled(String reason) {
            return Events.envelope(new VisitCancelled(visit, reason), visit.customerId(), Instant.now(), "corr-" + visit.visitId());
        }

        UUID id() {
            return visit.visitId();
        }
    }

    static EventEnvelope deliveryStatus(FollowupTask task, DeliveryStatus status, String reason, boolean permanent) {
        return Events.envelope(new NotificationStatusChanged(task.notificationId, task.id, task.customerId, task.channel(),
                status, reason, permanent, null), task.customerId, Instant.now(), task.correlationId);
    }
}
