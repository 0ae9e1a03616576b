package dev.tend.followup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.testsupport.EventSchemas;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.tend.followup.CustomerEventFixtures.household;
import static dev.tend.followup.CustomerEventFixtures.local;
import static dev.tend.followup.CustomerEventFixtures.pet;
import static dev.tend.followup.CustomerEventFixtures.petDied;
import static dev.tend.followup.CustomerEventFixtures.petRegistered;
import static dev.tend.followup.CustomerEventFixtures.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One postcard per household per period (pets merged onto one card), a weekly cap on touches, priorities. */
@QuarkusTest
@FollowupServiceTestResource
class HouseholdRulesTest extends FollowupTestSupport {

    @Test
    void shouldMergeTwoPetsRecheckPostcardsOntoOneCard() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        PetSnapshot unsexed = pet(customerId, UUID.randomUUID(), "Bella", null);
        PetSnapshot bella = new PetSnapshot(unsexed.petId(), customerId, "Bella", unsexed.species(), unsexed.breed(), null,
                unsexed.status(), null, unsexed.photoUrl(), unsexed.version(), "female");
        apply(household(customerId).consents(Channel.POST).registered(), petRegistered(rex), petRegistered(bella),
                visit(customerId, rex.petId(), "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded(),
                visit(customerId, bella.petId(), "wellness", local("2026-03-02T10:30", LONDON), LocalDate.parse("2026-03-18")).recorded());

        List<FollowupTask> cards = tasks(customerId, "recheck-postcard");
        assertEquals(2, cards.size());
        FollowupTask card = cards.stream().filter(t -> t.status == FollowupTask.Status.PENDING).findFirst().orElseThrow();
        FollowupTask merged = cards.stream().filter(t -> t.status == FollowupTask.Status.MERGED).findFirst().orElseThrow();
        assertEquals(List.of(rex.petId(), bella.petId()), card.pets());
        assertEquals(at("2026-03-12T10:00", LONDON), card.dueAt, "early enough for the earlier recheck");
        assertTrue(merged.statusReason.contains(card.id.toString()));

        setClock("2026-03-12T10:00", LONDON);
        fireDue();
        List<EventEnvelope> requests = KafkaTestClient.eventsFor(Topics.NOTIFICATION_REQUESTS, customerId, Duration.ofSeconds(30),
                found -> found.stream().anyMatch(e -> e.data().path("templateKey").asText().equals("recheck-postcard")));
        List<EventEnvelope> postcards = requests.stream().filter(e -> e.data().path("templateKey").asText().equals("recheck-postcard")).toList();
        assertEquals(1, postcards.size());
        assertEquals("Rex, Bella", postcards.get(0).data().path("personalisation").path("petNames").asText());
        assertEquals("http://photos.example/Rex.jpg,http://photos.example/Bella.jpg",
                postcards.get(0).data().path("personalisation").path("petPhotoUrls").asText());
        JsonNode pets = postcards.get(0).data().path("pets");
        assertEquals(List.of("Rex", "Bella"), List.of(pets.path(0).path("name").asText(), pets.path(1).path("name").asText()));
        assertTrue(pets.path(0).path("sex").isNull(), "Rex's sex was never recorded");
        assertEquals("female", pets.path(1).path("sex").asText());
        assertEquals("http://photos.example/Bella.jpg", pets.path(1).path("photoUrl").asText());
        EventSchemas.assertConforms(Topics.NOTIFICATION_REQUESTS, postcards.get(0));
    }

    @Test
    void shouldHoldBackAFeedbackRequestWhenTheHouseholdHadEnoughTouchesThisWeek() {
        UUID customerId = UUID.randomUUID();
        setClock("2026-03-02T12:00", LONDON);
        apply(household(customerId).consents(Channel.EMAIL).registered());
        for (int day = 2; day <= 4; day++) {
            setClock("2026-03-0" + day + "T12:00", LONDON);
            apply(visit(customerId, null, "wellness", local("2026-03-0" + day + "T11:00", LONDON), null).recorded());
            fireDue(); // that day's thank-you: a touch
        }
        assertEquals(3, tasks(customerId, "visit-thank-you").stream().filter(t -> t.status == FollowupTask.Status.FIRED).count());

        setClock("2026-03-05T10:00", LONDON);
        fireDue();

        FollowupTask first = tasks(customerId, "feedback-request").get(0);
        assertEquals(FollowupTask.Status.PENDING, first.status);
        assertEquals(at("2026-03-09T12:00", LONDON), first.dueAt, "when the oldest touch leaves the 7-day window");
        assertTrue(timeline(first.id).stream().anyMatch(e -> e.kind.equals("DEFERRED") && e.detail.contains("touches in the last 7 days")));
    }

    @Test
    void shouldHoldBackABirthdayCardForTheHouseholdPostcardPeriodButNeverASympathyCard() {
        setClock("2026-03-20T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", LocalDate.parse("2020-04-10"));
        PetSnapshot bella = pet(customerId, UUID.randomUUID(), "Bella", null);
        apply(household(customerId).consents(Channel.POST).registered(), petRegistered(rex), petRegistered(bella));
        apply(petDied(bella, LocalDate.parse("2026-03-20")));
        fireDue();
        assertEquals(FollowupTask.Status.FIRED, task(customerId, "sympathy-card").status);

        // The bereavement window (30 days) ends on 19 April: Rex's birthday card on 7 April is not sent.
        periodicPlanner.pass();
        FollowupTask birthday = task(customerId, "pet-birthday-card");
        assertEquals(FollowupTask.Status.SUPPRESSED, birthday.status);
        assertTrue(birthday.statusReason.contains("bereavement"), birthday.statusReason);
    }

    @Test
    void shouldSendAtMostOnePostcardPerHouseholdInThePeriod() {
        setClock("2026-03-19T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        PetSnapshot bella = pet(customerId, UUID.randomUUID(), "Bella", LocalDate.parse("2019-03-29"));
        apply(household(customerId).consents(Channel.POST).registered(), petRegistered(rex), petRegistered(bella),
                visit(customerId, rex.petId(), "wellness", local("2026-03-19T11:00", LONDON), LocalDate.parse("2026-03-26")).recorded());
        periodicPlanner.pass();
        assertEquals(at("2026-03-26T10:00", LONDON), task(customerId, "pet-birthday-card").dueAt);

        setClock("2026-03-20T10:00", LONDON);
        fireDue();
        assertEquals(FollowupTask.Status.FIRED, task(customerId, "recheck-postcard").status);

        // Bella's card would be the second in 14 days; held back, it would arrive after her birthday.
        setClock("2026-03-26T10:00", LONDON);
        fireDue();
        FollowupTask birthday = task(customerId, "pet-birthday-card");
        assertEquals(FollowupTask.Status.EXPIRED, birthday.status);
        assertTrue(birthday.statusReason.contains("one postcard per household every 14 days"), birthday.statusReason);
    }
}
