package dev.tend.customer;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.customer.rest.NewCustomer;
import dev.tend.customer.service.CustomerService;
import dev.tend.testsupport.KafkaTestClient;
import dev.tend.testsupport.TestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactional outbox: events exist exactly when their change committed, and survive a broker outage. */
@QuarkusTest
@CustomerServiceTestResource
class OutboxTest {

    @Inject
    CustomerService customers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldPublishNothingForARolledBackTransaction() {
        AtomicReference<UUID> rolledBack = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack.set(customers.register(new NewCustomer("Rolled Back", List.of("rb@example.com"), List.of(), null,
                    "Europe/Paris", "fr-FR", List.of(), List.of(), List.of(), null)).id);
            throw new IllegalStateException("the caller's work failed after the customer was registered");
        }));
        // A customer registered after it is published; once it is on the topic, the relay has passed the other.
        UUID committed = Fixtures.registerCustomer("Committed Later");
        KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, committed, Duration.ofSeconds(30), found -> !found.isEmpty());

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, rolledBack.get(),
                Duration.ofSeconds(3), found -> false);
        assertEquals(List.of(), events);
        assertEquals(0, outboxRows("event_type = 'CustomerRegistered' AND payload LIKE '%" + rolledBack.get() + "%'"));
        given().when().get("/customers/" + rolledBack.get()).then().statusCode(404);
    }

    @Test
    void shouldHoldEventsWhileTheBrokerIsDownAndDeliverThemInOrderAfterwards() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        infrastructure.stopBroker();
        UUID id;
        try {
            id = Fixtures.registerCustomer("Outage Olsen");
            Map<String, Object> changes = Fixtures.household("Outage Olsen");
            changes.remove("consents");
            for (int version = 0; version < 3; version++) {
                changes.put("notes", "change " + version);
                given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(changes)
                        .when().put("/customers/" + id).then().statusCode(200);
            }
            UUID held = id;
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> outboxRows("message_key = '" + held + "'") == 4);
        } finally {
            infrastructure.startBroker();
        }

        UUID delivered = id;
        // A batch cut by the outage is sent again, so an event may be on the topic twice (consumers dedupe by
        // eventId); what must hold is the order in which each event first appears.
        List<EventEnvelope> events = firstOccurrences(KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, id,
                Duration.ofSeconds(60), found -> firstOccurrences(found).size() >= 4));
        assertEquals(List.of("CustomerRegistered", "CustomerUpdated", "CustomerUpdated", "CustomerUpdated"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L),
                events.stream().map(e -> e.data().path("customer").path("version").asLong()).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows("message_key = '" + delivered + "'") == 0);
    }

    @Test
    void shouldCarryTheEnvelopeHeaderOnEveryEvent() {
        UUID id = Fixtures.registerCustomer("Header Hall");
        EventEnvelope event = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, id, Duration.ofSeconds(30),
                found -> !found.isEmpty()).get(0);
        assertEquals(1, event.schemaVersion());
        assertEquals(id, event.customerId());
        assertTrue(event.correlationId() != null && !event.correlationId().isBlank());
    }

    private static List<EventEnvelope> firstOccurrences(List<EventEnvelope> events) {
        Map<UUID, EventEnvelope> first = new LinkedHashMap<>();
        events.forEach(event -> first.putIfAbsent(event.eventId(), event));
        return List.copyOf(first.values());
    }

    private long outboxRows(String where) {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM outbox_message WHERE " + where)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
