package dev.tend.followup;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.followup.messaging.CustomerEventsConsumer;
import dev.tend.followup.messaging.NotificationStatusConsumer;
import dev.tend.followup.service.PeriodicPlanner;
import dev.tend.followup.service.TaskFiring;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the tests share: the settable clock, events applied straight through the consumers (the same code a
 * Kafka record runs, minus the broker, for rules where Kafka adds nothing), firing on demand, and reads of
 * the resulting tasks and timeline.
 */
abstract class FollowupTestSupport {

    static final String LONDON = "Europe/London";

    @Inject
    MutableClock clock;
    @Inject
    CustomerEventsConsumer customerEvents;
    @Inject
    NotificationStatusConsumer notificationStatus;
    @Inject
    TaskFiring firing;
    @Inject
    PeriodicPlanner periodicPlanner;

    void setClock(String localDateTime, String zone) {
        clock.set(at(localDateTime, zone));
    }

    static Instant at(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    void apply(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            customerEvents.consume(Events.write(envelope));
        }
    }

    void applyStatus(EventEnvelope envelope) {
        notificationStatus.consume(Events.write(envelope));
    }

    /**
     * Fires everything due now; the application's own scheduler may take some of it, which is just as good, but
     * then the tasks it holds are passed over (SKIP LOCKED): wait until it has settled them too.
     */
    void fireDue() {
        while (firing.fireDue(500) > 0) {
            // Full batches mean more may be waiting.
        }
        awaitClaimsOfTheOwnScheduler();
    }

    /**
     * The tasks fireDue skipped (SKIP LOCKED) are held by the application's scheduler loops, whose transactions
     * may not have committed yet: locking the due rows without SKIP LOCKED waits for them, so the test reads what
     * they did. Under load (CI on two cores) reading too early was a real flake.
     */
    private void awaitClaimsOfTheOwnScheduler() {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> FollowupTask.getEntityManager().createNativeQuery(
                        "SELECT id FROM followup_task WHERE status = 'PENDING' AND due_at <= :now FOR UPDATE")
                .setParameter("now", now)
                .getResultList());
        while (firing.fireDue(500) > 0) {
            // What they deferred to now, or left, is due again.
        }
    }

    static List<FollowupTask> tasks(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() ->
                FollowupTask.<FollowupTask>list("customerId = ?1 order by createdAt, dueAt, id", customerId));
    }

    static FollowupTask task(UUID customerId, String templateKey) {
        List<FollowupTask> found = tasks(customerId).stream().filter(t -> t.templateKey.equals(templateKey)).toList();
        assertEquals(1, found.size(), "tasks with template " + templateKey + ": " + found.size());
        return found.get(0);
    }

    static List<FollowupTask> tasks(UUID customerId, String templateKey) {
        return tasks(customerId).stream().filter(t -> t.templateKey.equals(templateKey)).toList();
    }

    /** The household's own timeline lines: changes to it, events that planned nothing. */
    static List<TaskEvent> householdTimeline(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() ->
                TaskEvent.<TaskEvent>list("customerId = ?1 and taskId is null order by id", customerId));
    }

    static List<TaskEvent> timeline(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> TaskEvent.<TaskEvent>list("taskId = ?1 order by id", taskId));
    }
}
