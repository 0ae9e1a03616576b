package dev.tend.followup;

import dev.tend.contracts.Channel;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import static dev.tend.followup.CustomerEventFixtures.household;
import static dev.tend.followup.CustomerEventFixtures.local;
import static dev.tend.followup.CustomerEventFixtures.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Local times across DST, quiet hours, and what downtime does to overdue tasks. */
@QuarkusTest
@FollowupServiceTestResource
class TimingTest extends FollowupTestSupport {

    @Test
    void shouldKeepA10OClockStepAt10LocalAcrossTheDstChange() {
        setClock("2026-03-27T11:00", LONDON); // Friday; clocks go forward on Sunday 29 March
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL, Channel.SMS).registered(),
                visit(customerId, null, "wellness", local("2026-03-27T10:00", LONDON), LocalDate.parse("2026-03-31")).recorded());

        FollowupTask feedback = task(customerId, "feedback-request");
        assertEquals(LocalTime.of(10, 0), feedback.dueAt.atZone(ZoneId.of(LONDON)).toLocalTime());
        assertEquals(at("2026-03-30T09:00", "UTC"), feedback.dueAt, "10:00 BST, not 72 hours after 10:00 GMT");
        FollowupTask reminder = task(customerId, "recheck-reminder");
        assertEquals(at("2026-03-29T09:00", "UTC"), reminder.dueAt, "10:00 BST on the day the clocks change");
    }

    @Test
    void shouldComputeTimesInTheCustomersOwnTimezone() {
        setClock("2026-03-02T12:00", "America/New_York");
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).timezone("America/New_York").consents(Channel.EMAIL).registered(),
                visit(customerId, null, "wellness", local("2026-03-06T10:00", "America/New_York"), null).recorded());

        // 9 March, the day after the US clocks change: 10:00 EDT.
        assertEquals(at("2026-03-09T10:00", "America/New_York"), task(customerId, "feedback-request").dueAt);
    }

    @Test
    void shouldMoveAMessageOutOfTheRecipientsQuietHoursToTheNextMorning() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.SMS).registered(),
                visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());

        // The scheduler was down at 10:00 on the 18th and comes back at 21:30: too late to text anyone.
        setClock("2026-03-18T21:30", LONDON);
        fireDue();
        FollowupTask reminder = task(customerId, "recheck-reminder");
        assertEquals(FollowupTask.Status.PENDING, reminder.status);
        assertEquals(at("2026-03-19T08:00", LONDON), reminder.dueAt);
        assertTrue(timeline(reminder.id).stream().anyMatch(e -> e.kind.equals("DEFERRED") && e.detail.contains("quiet hours")));

        setClock("2026-03-19T08:00", LONDON);
        fireDue();
        assertEquals(FollowupTask.Status.FIRED, task(customerId, "recheck-reminder").status);
    }

    @Test
    void shouldFireOverdueTasksAfterDowntimeButExpireThoseWhoseMomentHasPassed() {
        setClock("2026-03-02T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.SMS, Channel.EMAIL).registered(),
                visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());

        // Down from before the feedback request (5 March) until the recheck day itself.
        setClock("2026-03-20T09:00", LONDON);
        fireDue();

        assertEquals(FollowupTask.Status.FIRED, task(customerId, "feedback-request").status, "late but still worth asking");
        FollowupTask reminder = task(customerId, "recheck-reminder");
        assertEquals(FollowupTask.Status.EXPIRED, reminder.status);
        assertTrue(reminder.statusReason.contains("moment passed"), reminder.statusReason);
        assertTrue(timeline(reminder.id).stream().anyMatch(e -> e.kind.equals("EXPIRED")));
    }

    @Test
    void shouldExpireAtOnceAStepPlannedAfterItsMoment() {
        setClock("2026-03-19T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        // Recorded late: the recheck is tomorrow, so its postcard can no longer arrive in time.
        apply(household(customerId).consents(Channel.SMS, Channel.POST).registered(),
                visit(customerId, null, "wellness", local("2026-03-02T10:00", LONDON), LocalDate.parse("2026-03-20")).recorded());

        FollowupTask postcard = task(customerId, "recheck-postcard");
        assertEquals(FollowupTask.Status.EXPIRED, postcard.status);
        assertTrue(postcard.statusReason.contains("planned after its moment"), postcard.statusReason);
        assertEquals(FollowupTask.Status.PENDING, task(customerId, "recheck-reminder").status);
    }
}
