package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tend.followup.CustomerEventFixtures.household;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two scheduler instances (plus the application's own) over one backlog: every task fires exactly once. */
@QuarkusTest
@FollowupServiceTestResource
class SchedulerConcurrencyTest extends FollowupTestSupport {

    private static final Logger LOG = Logger.getLogger(SchedulerConcurrencyTest.class);
    private static final int TASKS = 10_000;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldFireTenThousandDueTasksExactlyOnceWithTwoSchedulersRacing() throws Exception {
        setClock("2030-01-07T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL).registered());
        String batch = "bulk-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO followup_task (id, customer_id, rule, channel, channels, template_key, priority, priority_rank,
                            window_kind, service_message, status, due_at, created_at, version, correlation_id)
                        SELECT gen_random_uuid(), :customer, :rule, 'EMAIL', 'EMAIL', 'visit-thank-you', 'CLINICAL', 2,
                            'ANY', TRUE, 'PENDING', CAST(:due AS timestamptz) - n * interval '1 millisecond', :due, 0, :rule
                        FROM generate_series(1, :tasks) AS n""")
                .setParameter("customer", customerId)
                .setParameter("rule", batch)
                .setParameter("due", clock.instant())
                .setParameter("tasks", TASKS)
                .executeUpdate());

        long started = System.nanoTime();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<Integer>> claimed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            claimed.add(instances.submit(() -> {
                int total = 0;
                for (int handled = firing.fireDue(200); handled > 0; handled = firing.fireDue(200)) {
                    total += handled;
                }
                return total;
            }));
        }
        int first = claimed.get(0).get();
        int second = claimed.get(1).get();
        instances.shutdown();
        // The application's own scheduler may still be committing the batch it claimed last.
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                FollowupTask.count("rule = ?1 and status = ?2", batch, FollowupTask.Status.PENDING)) == 0);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.infof("Two schedulers fired %d tasks in %d ms (%d and %d claimed by the test's instances)",
                TASKS, took.toMillis(), first, second);

        assertTrue(first > 0 && second > 0, "both instances claimed work: " + first + ", " + second);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals((long) TASKS, FollowupTask.count("rule = ?1 and status = ?2 and attempt = 1", batch, FollowupTask.Status.FIRED));
            Number firings = (Number) entityManager.createNativeQuery("""
                            SELECT count(*) FROM task_event e JOIN followup_task t ON t.id = e.task_id
                            WHERE t.rule = :rule AND e.kind = 'FIRED'""")
                    .setParameter("rule", batch).getSingleResult();
            assertEquals(TASKS, firings.intValue(), "one FIRED line per task");
            Number distinctFired = (Number) entityManager.createNativeQuery("""
                            SELECT count(DISTINCT e.task_id) FROM task_event e JOIN followup_task t ON t.id = e.task_id
                            WHERE t.rule = :rule AND e.kind = 'FIRED'""")
                    .setParameter("rule", batch).getSingleResult();
            assertEquals(TASKS, distinctFired.intValue(), "no task fired twice");
            Number touches = (Number) entityManager.createNativeQuery("""
                            SELECT count(*) FROM touch WHERE customer_id = :customer""")
                    .setParameter("customer", customerId).getSingleResult();
            assertEquals(TASKS, touches.intValue());
        });
        // Every NotificationRequested reached the outbox in its task's transaction: the relay publishes each once.
        List<ConsumerRecord<String, String>> published = KafkaTestClient.readAll(Topics.NOTIFICATION_REQUESTS, Duration.ofSeconds(60),
                records -> records.stream().filter(r -> customerId.toString().equals(r.key())).count() >= TASKS);
        List<String> notificationIds = published.stream().filter(r -> customerId.toString().equals(r.key()))
                .map(r -> Events.read(r.value()).data().path("notificationId").asText()).toList();
        assertEquals(TASKS, notificationIds.size(), "no NotificationRequested twice");
        assertEquals(TASKS, notificationIds.stream().distinct().count());
    }
}
