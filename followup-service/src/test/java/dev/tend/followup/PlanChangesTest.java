package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.followup.CustomerEventFixtures.VisitFixture;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.tend.followup.CustomerEventFixtures.consentChanged;
import static dev.tend.followup.CustomerEventFixtures.deliveryStatus;
import static dev.tend.followup.CustomerEventFixtures.household;
import static dev.tend.followup.CustomerEventFixtures.local;
import static dev.tend.followup.CustomerEventFixtures.pet;
import static dev.tend.followup.CustomerEventFixtures.petDied;
import static dev.tend.followup.CustomerEventFixtures.petRegistered;
import static dev.tend.followup.CustomerEventFixtures.visit;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain events change the plan by themselves: cancel, re-plan, re-route. */
@QuarkusTest
@FollowupServiceTestResource
class PlanChangesTest extends FollowupTestSupport {

    private static final Duration KAFKA = Duration.ofSeconds(30);

    @Test
    void shouldCancelEveryPendingTaskOfAPetWhenItDies() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        send(household(customerId).consents(Channel.POST, Channel.SMS, Channel.EMAIL).registered(), petRegistered(rex),
                visit(customerId, rex.petId(), "surgery", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());
        await().atMost(KAFKA).until(() -> tasks(customerId, "recheck-reminder").size() == 1);

        send(petDied(rex, LocalDate.parse("2026-03-02")));

        await().atMost(KAFKA).untilAsserted(() -> {
            for (String template : List.of("surgery-checkin", "recheck-postcard", "recheck-reminder", "feedback-request")) {
                FollowupTask task = task(customerId, template);
                assertEquals(FollowupTask.Status.CANCELLED, task.status, template);
                assertEquals("Rex died", task.statusReason);
            }
            assertEquals(1, tasks(customerId, "sympathy-card").size());
        });
        await().atMost(KAFKA).until(() -> task(customerId, "sympathy-card").status == FollowupTask.Status.FIRED);
        List<EventEnvelope> requests = KafkaTestClient.eventsFor(Topics.NOTIFICATION_REQUESTS, customerId, KAFKA,
                found -> found.stream().anyMatch(e -> e.data().path("templateKey").asText().equals("sympathy-card")));
        EventEnvelope card = requests.stream().filter(e -> e.data().path("templateKey").asText().equals("sympathy-card")).findFirst().orElseThrow();
        assertEquals("POST", card.data().path("channel").asText());
        assertEquals("Rex", card.data().path("personalisation").path("petName").asText());
        assertEquals("http://photos.example/Rex.jpg", card.data().path("personalisation").path("petPhotoUrl").asText());
        assertEquals("Bath", card.data().path("recipient").path("postalAddress").path("city").asText());
    }

    @Test
    void shouldCancelRecheckRemindersWhenTheRecheckVisitIsRecorded() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        UUID petId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.POST, Channel.SMS).registered(), petRegistered(pet(customerId, petId, "Rex", null)),
                visit(customerId, petId, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());

        setClock("2026-03-12T11:00", LONDON);
        apply(visit(customerId, petId, "recheck", local("2026-03-12T10:00", LONDON), null).recorded());

        for (String template : List.of("recheck-postcard", "recheck-reminder")) {
            FollowupTask task = task(customerId, template);
            assertEquals(FollowupTask.Status.CANCELLED, task.status, template);
            assertTrue(task.statusReason.startsWith("recheck visit recorded"), task.statusReason);
        }
    }

    @Test
    void shouldPlanAgainWhenAVisitIsCorrectedAndCancelWhenItIsCancelled() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        VisitFixture visit = visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), null);
        apply(household(customerId).consents(Channel.EMAIL, Channel.SMS).registered(), visit.recorded());
        fireDue();
        assertEquals(0, tasks(customerId, "surgery-checkin").size());

        apply(visit.corrected("surgery", LocalDate.parse("2026-03-16")));

        assertEquals(FollowupTask.Status.PENDING, task(customerId, "surgery-checkin").status);
        assertEquals(FollowupTask.Status.PENDING, task(customerId, "recheck-reminder").status);
        List<FollowupTask> feedback = tasks(customerId, "feedback-request");
        assertEquals(List.of(FollowupTask.Status.PENDING, FollowupTask.Status.CANCELLED),
                feedback.stream().map(t -> t.status).sorted().toList(), "the old one cancelled, a new one planned");
        assertEquals(1, tasks(customerId, "visit-thank-you").size(), "the thank-you already went: not sent twice");

        apply(visit.cancelled("booked in error"));

        assertTrue(tasks(customerId).stream().noneMatch(t -> t.status == FollowupTask.Status.PENDING));
        assertEquals("visit cancelled: booked in error", task(customerId, "surgery-checkin").statusReason);
    }

    @Test
    void shouldMoveAReminderToAnotherConsentedChannelWhenConsentIsRevoked() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        send(household(customerId).consents(Channel.SMS, Channel.EMAIL).registered(),
                visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());
        await().atMost(KAFKA).until(() -> tasks(customerId, "recheck-reminder").size() == 1);
        assertEquals("SMS", task(customerId, "recheck-reminder").channel);

        send(consentChanged(customerId, Channel.SMS, false, at("2026-03-03T09:00", LONDON)));
        await().atMost(KAFKA).until(() -> task(customerId, "recheck-reminder").channel.equals("EMAIL"));
        FollowupTask reminder = task(customerId, "recheck-reminder");
        assertEquals(FollowupTask.Status.PENDING, reminder.status);
        assertTrue(timeline(reminder.id).stream().anyMatch(e -> e.kind.equals("CHANNEL_CHANGED") && e.detail.contains("consent to SMS withdrawn")));

        send(consentChanged(customerId, Channel.EMAIL, false, at("2026-03-04T09:00", LONDON)));
        await().atMost(KAFKA).until(() -> task(customerId, "recheck-reminder").status == FollowupTask.Status.SUPPRESSED);
        assertTrue(task(customerId, "recheck-reminder").statusReason.startsWith("no usable channel"));
    }

    @Test
    void shouldFallBackToTheNextConsentedChannelAfterAPermanentFailure() {
        setClock("2026-03-18T10:00", LONDON);
        UUID customerId = UUID.randomUUID();
        send(household(customerId).consents(Channel.SMS, Channel.EMAIL).registered(),
                visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());
        await().atMost(KAFKA).until(() -> tasks(customerId, "recheck-reminder").size() == 1
                && task(customerId, "recheck-reminder").status == FollowupTask.Status.FIRED);
        FollowupTask onSms = task(customerId, "recheck-reminder");
        assertEquals("SMS", onSms.channel);

        KafkaTestClient.send(Topics.NOTIFICATION_STATUS, deliveryStatus(onSms, DeliveryStatus.FAILED, "number cannot receive SMS", true));

        await().atMost(KAFKA).until(() -> {
            FollowupTask task = task(customerId, "recheck-reminder");
            return task.status == FollowupTask.Status.FIRED && task.channel.equals("EMAIL");
        });
        FollowupTask onEmail = task(customerId, "recheck-reminder");
        assertEquals(2, onEmail.attempt);
        assertNotEquals(onSms.notificationId, onEmail.notificationId);
        List<EventEnvelope> requests = KafkaTestClient.eventsFor(Topics.NOTIFICATION_REQUESTS, customerId, KAFKA,
                found -> found.stream().filter(e -> e.data().path("templateKey").asText().equals("recheck-reminder")).count() == 2);
        assertEquals(List.of("SMS", "EMAIL"), requests.stream()
                .filter(e -> e.data().path("templateKey").asText().equals("recheck-reminder"))
                .map(e -> e.data().path("channel").asText()).toList());

        // A permanent failure on the last channel leaves nothing to fall back to.
        KafkaTestClient.send(Topics.NOTIFICATION_STATUS, deliveryStatus(onEmail, DeliveryStatus.FAILED, "mailbox does not exist", true));
        await().atMost(KAFKA).until(() -> "FAILED".equals(task(customerId, "recheck-reminder").deliveryStatus));
        assertTrue(timeline(onEmail.id).stream().anyMatch(e -> e.kind.equals("SUPPRESSED") && e.detail.startsWith("no fallback")));
    }

    @Test
    void shouldForgetAnErasedHouseholdAndContactItNoMore() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL).registered(),
                visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), null).recorded());
        assertTrue(tasks(customerId).size() > 0);

        apply(new EventEnvelope(UUID.randomUUID(), "CustomerErased", 1, Instant.now(), customerId, "erase-" + customerId,
                Events.mapper().createObjectNode().put("customerId", customerId.toString()).put("erasedAt", Instant.now().toString())));

        assertEquals(List.of(), tasks(customerId));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> CustomerProfile.count("customerId", customerId)
                + TaskEvent.count("customerId", customerId) + Touch.count("customerId", customerId)));
    }

    private static void send(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            KafkaTestClient.send(Topics.CUSTOMER_EVENTS, envelope);
        }
    }
}
