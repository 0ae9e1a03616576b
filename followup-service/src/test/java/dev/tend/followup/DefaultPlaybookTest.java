package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.customer.PetSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of the seeded default veterinary playbook, at a set time. */
@QuarkusTest
@FollowupServiceTestResource
class DefaultPlaybookTest extends FollowupTestSupport {

    @Test
    void shouldPutASurgeryCheckInCallOnTheWorklistTheNextBusinessMorning() {
        setClock("2026-03-06T16:00", LONDON); // a Friday
        UUID customerId = UUID.randomUUID();
        UUID petId = UUID.randomUUID();
        apply(household(customerId).registered(), petRegistered(pet(customerId, petId, "Rex", null)),
                visit(customerId, petId, "surgery", local("2026-03-06T15:00", LONDON), null).recorded());

        FollowupTask call = task(customerId, "surgery-checkin");
        assertEquals(at("2026-03-09T09:00", LONDON), call.dueAt, "Monday 09:00");
        assertEquals("PHONE", call.channel);
        assertEquals("nurses", call.team);

        setClock("2026-03-09T09:00", LONDON);
        fireDue();
        assertEquals(FollowupTask.Status.OPEN, task(customerId, "surgery-checkin").status);
    }

    @Test
    void shouldHoldALateEveningThankYouUntilTheMorningAndSayWhy() {
        setClock("2026-03-06T21:30", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL).registered(),
                visit(customerId, null, "emergency", local("2026-03-06T21:00", LONDON), null).recorded());

        FollowupTask thankYou = task(customerId, "visit-thank-you");
        assertEquals(at("2026-03-07T08:00", LONDON), thankYou.dueAt, "not at night in the household's own time");
        assertTrue(timeline(thankYou.id).stream().anyMatch(e -> e.kind.equals("RESCHEDULED")
                        && e.detail.contains("2026-03-06T21:00") && e.detail.contains("quiet hours")),
                "the timeline says why it waits");

        fireDue();
        assertEquals(FollowupTask.Status.PENDING, task(customerId, "visit-thank-you").status);
        setClock("2026-03-07T08:00", LONDON);
        fireDue();
        assertEquals(FollowupTask.Status.FIRED, task(customerId, "visit-thank-you").status);
    }

    @Test
    void shouldSkipClinicHolidaysForCalls() {
        setClock("2026-12-24T12:00", LONDON); // Thursday; Friday 25th and Monday 28th are holidays
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).registered(), visit(customerId, null, "treatment", local("2026-12-24T11:00", LONDON), null).recorded());

        assertEquals(at("2026-12-29T09:00", LONDON), task(customerId, "surgery-checkin").dueAt);
    }

    @Test
    void shouldTimeTheRecheckPostcardToArriveBeforeTheRecheckAndRemindTwoDaysBefore() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        UUID petId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.POST, Channel.SMS, Channel.EMAIL).registered(),
                petRegistered(pet(customerId, petId, "Rex", null)),
                visit(customerId, petId, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());

        FollowupTask postcard = task(customerId, "recheck-postcard");
        // Arrives three days before the recheck; the post takes three days (tend.followup.mailing-lead-days).
        assertEquals(at("2026-03-14T10:00", LONDON), postcard.dueAt);
        assertEquals(at("2026-03-18T00:00", LONDON), postcard.expiresAt);
        FollowupTask reminder = task(customerId, "recheck-reminder");
        assertEquals(at("2026-03-18T10:00", LONDON), reminder.dueAt);
        assertEquals("SMS", reminder.channel);
        assertEquals(at("2026-03-20T00:00", LONDON), reminder.expiresAt);
    }

    @Test
    void shouldAskHowWeAreDoingThreeDaysAfterAnyVisit() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL).registered(),
                visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), null).recorded());

        FollowupTask request = task(customerId, "feedback-request");
        assertEquals(at("2026-03-05T10:00", LONDON), request.dueAt);
        assertEquals("EMAIL", request.channel);
        assertEquals("FEEDBACK", request.priority);
    }

    @Test
    void shouldSendASympathyCardNowPlanABereavementCallAndHoldBackFeedbackWhenAPetDies() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        PetSnapshot rex = pet(customerId, UUID.randomUUID(), "Rex", null);
        PetSnapshot bella = pet(customerId, UUID.randomUUID(), "Bella", null);
        apply(household(customerId).consents(Channel.POST, Channel.EMAIL, Channel.PHONE).registered(),
                petRegistered(rex), petRegistered(bella),
                visit(customerId, bella.petId(), "wellness", local("2026-03-02T10:00", LONDON), null).recorded());
        assertEquals(FollowupTask.Status.PENDING, task(customerId, "feedback-request").status);

        setClock("2026-03-03T15:00", LONDON);
        apply(petDied(rex, LocalDate.parse("2026-03-03")));

        FollowupTask card = task(customerId, "sympathy-card");
        assertEquals(rex.petId(), card.petId);
        assertTrue(!card.dueAt.isAfter(clock.instant()), "due at once");
        fireDue();
        assertEquals(FollowupTask.Status.FIRED, task(customerId, "sympathy-card").status);

        FollowupTask call = task(customerId, "bereavement-checkin");
        assertEquals(at("2026-04-14T10:00", LONDON), call.dueAt, "six weeks later, 10:00 local");

        // Bella's feedback request would reach a grieving household: held back, with the reason.
        FollowupTask feedback = task(customerId, "feedback-request");
        assertEquals(FollowupTask.Status.SUPPRESSED, feedback.status);
        assertTrue(feedback.statusReason.contains("bereavement"), feedback.statusReason);

        // A visit inside the window gets its thank-you but no feedback request.
        apply(visit(customerId, bella.petId(), "wellness", local("2026-03-10T10:00", LONDON), null).recorded());
        List<FollowupTask> requests = tasks(customerId, "feedback-request");
        assertEquals(2, requests.size());
        assertTrue(requests.stream().allMatch(t -> t.status == FollowupTask.Status.SUPPRESSED));
    }

    @Test
    void shouldPlanABirthdayCardOncePerPetAndYear() {
        setClock("2026-03-20T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        UUID petId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.POST).registered(),
                petRegistered(pet(customerId, petId, "Rex", LocalDate.parse("2020-04-10"))));

        periodicPlanner.pass();
        periodicPlanner.pass();

        FollowupTask card = task(customerId, "pet-birthday-card");
        assertEquals(at("2026-04-07T10:00", LONDON), card.dueAt, "posted to arrive on the day");
        assertEquals(petId, card.petId);
        assertNotNull(card.planKey);
    }

    @Test
    void shouldCallKeyClientsEveryNinetyDaysPushedBackByAnyRealContact() {
        setClock("2026-01-01T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.PHONE).tags("key-client").registered());
        FollowupTask call = task(customerId, "relationship-checkin");
        assertEquals(at("2026-04-01T11:00", LONDON), call.dueAt);

        setClock("2026-01-05T12:00", LONDON);
        apply(visit(customerId, null, "wellness", local("2026-01-05T10:00", LONDON), null).recorded());
        // 90 days after the visit is Sunday 5 April: the call moves to Monday, same time.
        assertEquals(at("2026-04-06T11:00", LONDON), task(customerId, "relationship-checkin").dueAt);

        setClock("2026-02-01T12:00", LONDON);
        apply(visit(customerId, null, "wellness", local("2026-02-01T10:00", LONDON), null).recorded());
        assertEquals(at("2026-05-04T11:00", LONDON), task(customerId, "relationship-checkin").dueAt);

        periodicPlanner.pass();
        assertEquals(1, tasks(customerId, "relationship-checkin").size(), "one cadence call open at a time");
        assertNull(task(customerId, "relationship-checkin").firedAt);
    }
}
