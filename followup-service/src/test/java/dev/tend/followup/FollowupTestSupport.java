package dev.tend.followup;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.followup.messaging.CustomerEventsConsumer;
import dev.tend.followup.messaging.NotificationStatusConsumer;
import dev.tend.followup.service.PeriodicPlanner;
import dev.tend.followup.service.TaskFiring;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
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
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            while (firing.fireDue(500) > 0) {
                // Full batches mean more may be waiting.
            }
            return QuarkusTransaction.requiringNew().call(() ->
                    FollowupTask.count("status = ?1 and dueAt <= ?2", FollowupTask.Status.PENDING, clock.instant())) == 0;
        });
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
