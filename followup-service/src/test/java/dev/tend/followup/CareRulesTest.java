package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.followup.CustomerEventFixtures.Household;
import dev.tend.followup.CustomerEventFixtures.VisitFixture;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static dev.tend.followup.CustomerEventFixtures.consentChanged;
import static dev.tend.followup.CustomerEventFixtures.household;
import static dev.tend.followup.CustomerEventFixtures.local;
import static dev.tend.followup.CustomerEventFixtures.pet;
import static dev.tend.followup.CustomerEventFixtures.petDied;
import static dev.tend.followup.CustomerEventFixtures.petRegistered;
import static dev.tend.followup.CustomerEventFixtures.petRehomed;
import static dev.tend.followup.CustomerEventFixtures.visit;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages that fit the moment: nothing cheerful about a pet that died or left, whatever the order in which the
 * clinic records things; nothing answering an event long past; plans that follow the household when it moves or
 * changes how it can be reached; and a timeline that says why at each step.
 */
@QuarkusTest
@FollowupServiceTestResource
class CareRulesTest extends FollowupTestSupport {

    private static final Duration KAFKA = Duration.ofSeconds(30);
    private static final List<String> VISIT_TEMPLATES = List.of("visit-thank-you", "surgery-checkin", "recheck-postcard",
            "recheck-reminder", "feedback-request");

    @Test
    void shouldPlanNothingCheerfulForAVisitRecordedAfterThePetDied() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        apply(household(customerId).consents(Channel.POST, Channel.SMS, Channel.EMAIL).registered(), petRegistered(rex),
                petDied(rex, LocalDate.parse("2026-03-02")),
                // The euthanasia visit, recorded after the death.
                visit(customerId, rex.petId(), "treatment", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());
        fireDue();

        for (String template : VISIT_TEMPLATES) {
            FollowupTask task = task(customerId, template);
            assertEquals(FollowupTask.Status.CANCELLED, task.status, template);
            assertEquals("Rex died", task.statusReason, template);
            assertTrue(timeline(task.id).stream().anyMatch(e -> e.kind.equals("CANCELLED") && e.detail.equals("Rex died")));
        }
        assertEquals(FollowupTask.Status.FIRED, task(customerId, "sympathy-card").status, "sympathy still fits");
    }

    @Test
    void shouldPlanNothingAboutARehomedPetAndDropItFromAHouseholdCard() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        PetSnapshot bella = pet(customerId, UUID.randomUUID(), "Bella", null);
        apply(household(customerId).consents(Channel.POST, Channel.EMAIL).registered(), petRegistered(rex), petRegistered(bella),
                visit(customerId, rex.petId(), "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded(),
                visit(customerId, bella.petId(), "wellness", local("2026-03-02T10:30", LONDON), LocalDate.parse("2026-03-18")).recorded());
        FollowupTask card = tasks(customerId, "recheck-postcard").stream()
                .filter(t -> t.status == FollowupTask.Status.PENDING).findFirst().orElseThrow();
        assertEquals(List.of(rex.petId(), bella.petId()), card.pets());

        apply(petRehomed(rex));
        apply(visit(customerId, rex.petId(), "wellness", local("2026-03-02T10:45", LONDON), null).recorded());

        FollowupTask stillPending = QuarkusTransaction.requiringNew().call(() -> FollowupTask.<FollowupTask>findById(card.id));
        assertEquals(List.of(bella.petId()), stillPending.pets(), "the household card now speaks of Bella only");
        assertTrue(timeline(card.id).stream().anyMatch(e -> e.kind.equals("MERGED") && e.detail.contains("Rex is rehomed")));
        // A thank-you the scheduler sent before the rehoming was right at the time; everything else about Rex stops.
        List<FollowupTask> aboutRex = tasks(customerId).stream().filter(t -> t.pets().equals(List.of(rex.petId()))
                && t.status != FollowupTask.Status.MERGED && t.status != FollowupTask.Status.FIRED).toList();
        assertFalse(aboutRex.isEmpty());
        assertTrue(aboutRex.stream().allMatch(t -> t.status == FollowupTask.Status.CANCELLED && t.statusReason.equals("Rex is rehomed")),
                () -> aboutRex.stream().map(t -> t.templateKey + " " + t.status + " " + t.statusReason).toList().toString());
    }

    @Test
    void shouldHoldBackFeedbackAndRelationshipCallsWhileTheHouseholdGrieves() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        PetSnapshot bella = pet(customerId, UUID.randomUUID(), "Bella", null);
        apply(household(customerId).consents(Channel.POST, Channel.EMAIL, Channel.PHONE).tags("key-client").registered(),
                petRegistered(rex), petRegistered(bella));

        setClock("2026-03-10T09:00", LONDON);
        apply(petDied(rex, LocalDate.parse("2026-03-10")));
        // Bella's visit inside the window: thanked, not asked for feedback.
        apply(visit(customerId, bella.petId(), "wellness", local("2026-03-10T08:30", LONDON), null).recorded());

        FollowupTask feedback = task(customerId, "feedback-request");
        assertEquals(FollowupTask.Status.SUPPRESSED, feedback.status);
        assertEquals("the household is in bereavement until 2026-04-09T09:00:00Z", feedback.statusReason);
        assertTrue(List.of(FollowupTask.Status.PENDING, FollowupTask.Status.FIRED).contains(task(customerId, "visit-thank-you").status),
                "a thank-you is not cheerful about the pet that died");

        // The visit pushed the 90-day call back, well past the window: it does not wait any longer than that.
        FollowupTask call = task(customerId, "relationship-checkin");
        assertEquals(FollowupTask.Status.PENDING, call.status);
        assertTrue(call.dueAt.isAfter(at("2026-04-09T09:00", LONDON)));
    }

    @Test
    void shouldLetARelationshipCallDueInsideTheWindowWaitUntilItEnds() {
        setClock("2026-01-01T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        // No consent to post: no sympathy card, whose touch would push the call back past the window by itself.
        apply(household(customerId).consents(Channel.PHONE).tags("key-client").registered(), petRegistered(rex));
        assertEquals(at("2026-04-01T11:00", LONDON), task(customerId, "relationship-checkin").dueAt);

        setClock("2026-03-20T12:00", LONDON);
        apply(petDied(rex, LocalDate.parse("2026-03-20")));

        FollowupTask call = task(customerId, "relationship-checkin");
        assertEquals(FollowupTask.Status.PENDING, call.status);
        // The window ends at 12:00 UTC (13:00 BST) on Sunday 19 April: the call waits until Monday, same time of day.
        assertEquals(at("2026-04-20T13:00", LONDON), call.dueAt);
        assertTrue(timeline(call.id).stream().anyMatch(e -> e.kind.equals("DEFERRED") && e.detail.contains("bereavement")));

        setClock("2026-04-20T13:00", LONDON);
        fireDue();
        assertEquals(FollowupTask.Status.OPEN, task(customerId, "relationship-checkin").status);
    }

    @Test
    void shouldPlanNothingForAStepWhoseEventIsOlderThanItsFreshnessLimit() {
        setClock("2026-03-04T12:00", LONDON); // a Wednesday
        UUID customerId = UUID.randomUUID();
        // Two days old: too late to thank, still in time for the next-day call (3 days) and feedback (14 days).
        apply(household(customerId).consents(Channel.EMAIL, Channel.SMS).registered(),
                visit(customerId, null, "surgery", local("2026-03-02T10:00", LONDON), null).recorded());
        List<FollowupTask.Status> live = List.of(FollowupTask.Status.PENDING, FollowupTask.Status.OPEN);

        FollowupTask thanks = task(customerId, "visit-thank-you");
        assertEquals(FollowupTask.Status.EXPIRED, thanks.status);
        assertTrue(thanks.statusReason.startsWith("stale: the event at 2026-03-02T10:00:00Z became known 2 days later"),
                thanks.statusReason);
        assertTrue(thanks.statusReason.endsWith("within 24 hours"), thanks.statusReason);
        assertTrue(timeline(thanks.id).stream().anyMatch(e -> e.kind.equals("EXPIRED") && e.detail.startsWith("stale")));
        assertTrue(live.contains(task(customerId, "surgery-checkin").status), "overdue, but on the worklist");
        assertEquals(FollowupTask.Status.PENDING, task(customerId, "feedback-request").status);

        // A backlog three weeks old: nothing that answers the visit.
        VisitFixture backlog = visit(customerId, null, "surgery", local("2026-02-11T10:00", LONDON), null);
        apply(backlog.recorded());
        List<FollowupTask> late = tasks(customerId).stream().filter(t -> backlog.id().equals(t.visitId)).toList();
        assertEquals(3, late.size());
        assertTrue(late.stream().allMatch(t -> t.status == FollowupTask.Status.EXPIRED && t.statusReason.startsWith("stale")),
                () -> late.stream().map(t -> t.templateKey + " " + t.status).toList().toString());
    }

    @Test
    void shouldKeepAVisitRecordedAsHistoryButPlanNothingFromIt() {
        setClock("2026-01-01T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        UUID petId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL, Channel.SMS, Channel.POST, Channel.PHONE).tags("key-client").registered(),
                petRegistered(pet(customerId, petId, "Rex", null)));
        assertEquals(at("2026-04-01T11:00", LONDON), task(customerId, "relationship-checkin").dueAt);

        setClock("2026-01-10T12:00", LONDON);
        VisitFixture history = visit(customerId, petId, "surgery", local("2026-01-05T10:00", LONDON), LocalDate.parse("2026-01-20"));
        apply(history.imported(), history.corrected("treatment", LocalDate.parse("2026-01-21")));

        assertEquals(List.of("relationship-checkin"), tasks(customerId).stream().map(t -> t.templateKey).toList(), "nothing planned");
        Visit kept = QuarkusTransaction.requiringNew().call(() -> Visit.<Visit>findById(history.id()));
        assertTrue(kept.imported);
        assertEquals("treatment", kept.visitType, "the correction still reaches the read model");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Touch.count("customerId = ?1 and kind = ?2",
                customerId, Touch.VISIT)));
        // The visit was real contact: the 90-day call counts from it (5 April is a Sunday: Monday, same time).
        assertEquals(at("2026-04-06T11:00", LONDON), task(customerId, "relationship-checkin").dueAt);
        List<TaskEvent> lines = householdTimeline(customerId).stream().filter(e -> e.kind.equals("NOT_PLANNED")).toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).detail.endsWith("was recorded as history (imported): nothing is planned from it"), lines.get(0).detail);
    }

    @Test
    void shouldKeepTheLocalTimeAStepNamesWhenTheHouseholdMoves() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        Household ana = household(customerId).consents(Channel.SMS, Channel.EMAIL, Channel.POST);
        apply(ana.registered(),
                visit(customerId, null, "surgery", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());
        FollowupTask call = task(customerId, "surgery-checkin");
        assertEquals(at("2026-03-18T10:00", LONDON), task(customerId, "recheck-reminder").dueAt);

        apply(ana.timezone("America/New_York").version(1).updated());

        FollowupTask reminder = task(customerId, "recheck-reminder");
        assertEquals(at("2026-03-18T10:00", "America/New_York"), reminder.dueAt, "10:00 where the household now lives, not 06:00");
        assertEquals(at("2026-03-20T00:00", "America/New_York"), reminder.expiresAt);
        assertEquals(at("2026-03-14T10:00", "America/New_York"), task(customerId, "recheck-postcard").dueAt);
        assertEquals(at("2026-03-05T10:00", "America/New_York"), task(customerId, "feedback-request").dueAt);
        assertEquals(call.dueAt, task(customerId, "surgery-checkin").dueAt, "calls keep the clinic's time");
        assertTrue(timeline(reminder.id).stream().anyMatch(e -> e.kind.equals("RESCHEDULED")
                && e.detail.contains("2026-03-18T10:00 America/New_York") && e.detail.contains("moved from Europe/London")));
        assertEquals(List.of("moved from Europe/London to America/New_York"), householdTimeline(customerId).stream()
                .filter(e -> e.kind.equals("HOUSEHOLD_CHANGED")).map(e -> e.detail).toList());

        // 10:30 in London is 06:30 in New York: not yet.
        setClock("2026-03-18T10:30", LONDON);
        fireDue();
        assertEquals(FollowupTask.Status.PENDING, task(customerId, "recheck-reminder").status);
        setClock("2026-03-18T10:00", "America/New_York");
        fireDue();
        FollowupTask fired = task(customerId, "recheck-reminder");
        assertEquals(FollowupTask.Status.FIRED, fired.status);
        assertEquals(LocalDateTime.parse("2026-03-18T10:00"), fired.firedAt.atZone(ZoneId.of("America/New_York")).toLocalDateTime());
    }

    @Test
    void shouldChooseChannelsAgainWhenPreferencesOrContactPointsChange() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        Household ana = household(customerId).consents(Channel.SMS, Channel.EMAIL);
        apply(ana.registered(), visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());
        assertEquals("SMS", task(customerId, "recheck-reminder").channel);

        apply(ana.prefers(Channel.EMAIL).version(1).updated());
        FollowupTask reminder = task(customerId, "recheck-reminder");
        assertEquals("EMAIL", reminder.channel);
        assertTrue(timeline(reminder.id).stream().anyMatch(e -> e.kind.equals("CHANNEL_CHANGED") && e.detail.startsWith("SMS -> EMAIL")));

        apply(ana.email(null).version(2).updated());
        reminder = task(customerId, "recheck-reminder");
        assertEquals("SMS", reminder.channel);
        assertTrue(timeline(reminder.id).stream().anyMatch(e -> e.kind.equals("CHANNEL_CHANGED") && e.detail.contains("no email address on file")));

        apply(ana.phone(null).version(3).updated());
        assertEquals(FollowupTask.Status.SUPPRESSED, task(customerId, "recheck-reminder").status);
        assertEquals(List.of("preferred channels [] -> [EMAIL]", "email address removed", "phone number removed"),
                householdTimeline(customerId).stream().filter(e -> e.kind.equals("HOUSEHOLD_CHANGED")).map(e -> e.detail).toList());
    }

    @Test
    void shouldSayWhyAChannelWasSkippedWhenATaskIsPlanned() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL).registered(),
                visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());

        FollowupTask reminder = task(customerId, "recheck-reminder");
        assertEquals("EMAIL", reminder.channel);
        List<TaskEvent> lines = timeline(reminder.id);
        assertEquals(List.of("PLANNED", "CHANNEL_SKIPPED"), lines.stream().map(e -> e.kind).toList());
        assertEquals("SMS: no consent to SMS: planned on EMAIL", lines.get(1).detail);
    }

    @Test
    void shouldNotLetAnOlderSnapshotGrantAChannelTheCustomerStoppedLater() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        Household ana = household(customerId).consents(Channel.SMS, Channel.EMAIL);
        apply(ana.registered(), visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());
        apply(consentChanged(customerId, Channel.SMS, false, at("2026-03-02T10:30", LONDON)));
        assertEquals("EMAIL", task(customerId, "recheck-reminder").channel);

        // A profile update whose consents were read before the STOP.
        apply(ana.name("Ana Souza-Lima").version(1).updated());

        assertEquals("EMAIL", task(customerId, "recheck-reminder").channel);
        setClock("2026-03-18T10:00", LONDON);
        fireDue();
        assertEquals("EMAIL", task(customerId, "recheck-reminder").channel);
        assertEquals(FollowupTask.Status.FIRED, task(customerId, "recheck-reminder").status);
    }

    @Test
    void shouldApplyTheCareRulesToEventsArrivingThroughKafka() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        Household ana = household(customerId).consents(Channel.POST, Channel.SMS, Channel.EMAIL);
        VisitFixture euthanasia = visit(customerId, rex.petId(), "treatment", local("2026-03-02T10:00", LONDON), null);
        VisitFixture petlessRecheck = visit(customerId, null, "wellness", local("2026-03-02T10:30", LONDON), LocalDate.parse("2026-03-20"));
        VisitFixture history = visit(customerId, null, "dental", local("2025-11-02T10:00", LONDON), null);
        send(ana.registered(), petRegistered(rex), petDied(rex, LocalDate.parse("2026-03-02")), euthanasia.recorded(),
                petlessRecheck.recorded(), history.imported(), ana.timezone("Asia/Tokyo").version(1).updated());

        await().atMost(KAFKA).untilAsserted(() -> {
            assertTrue(householdTimeline(customerId).stream().anyMatch(e -> e.kind.equals("HOUSEHOLD_CHANGED")));
            assertEquals(FollowupTask.Status.FIRED, task(customerId, "sympathy-card").status);
        });
        for (FollowupTask task : tasks(customerId)) {
            if (euthanasia.id().equals(task.visitId)) {
                assertEquals(FollowupTask.Status.CANCELLED, task.status, task.templateKey);
                assertEquals("Rex died", task.statusReason);
            }
            assertFalse(history.id().equals(task.visitId), "nothing planned from history");
        }
        assertEquals(at("2026-03-18T10:00", "Asia/Tokyo"), task(customerId, "recheck-reminder").dueAt);
        assertEquals(FollowupTask.Status.SUPPRESSED, tasks(customerId, "feedback-request").stream()
                .filter(t -> petlessRecheck.id().equals(t.visitId)).findFirst().orElseThrow().status, "bereavement window");
        FollowupTask noThanks = tasks(customerId, "visit-thank-you").stream().filter(t -> euthanasia.id().equals(t.visitId))
                .findFirst().orElseThrow();
        assertNull(noThanks.firedAt);
        List<EventEnvelope> requests = KafkaTestClient.eventsFor(Topics.NOTIFICATION_REQUESTS, customerId, KAFKA,
                found -> found.stream().anyMatch(e -> e.data().path("templateKey").asText().equals("sympathy-card")));
        assertTrue(requests.stream().noneMatch(e -> e.data().path("taskId").asText().equals(noThanks.id.toString())),
                "no thank-you for the visit of a pet that died");
    }

    private static void send(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            KafkaTestClient.send(Topics.CUSTOMER_EVENTS, envelope);
        }
    }
}
