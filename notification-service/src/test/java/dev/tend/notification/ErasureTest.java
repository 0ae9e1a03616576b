package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventPayload;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.ADDRESS;
import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static dev.tend.notification.Fixtures.statuses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@NotificationServiceTestResource
class ErasureTest {

    /** Built by name: customer-service's CustomerErased record is newer than the contracts this module builds against. */
    private static EventEnvelope customerErased(UUID customerId) {
        return new EventEnvelope(UUID.randomUUID(), "CustomerErased", EventPayload.SCHEMA_VERSION, Instant.now(),
                customerId, "erasure-" + customerId, Events.mapper().createObjectNode()
                .put("customerId", customerId.toString()).put("erasedAt", Instant.now().toString()));
    }

    @Test
    void shouldForgetTheHouseholdAndNeverSendWhatWasStillWaiting() {
        String address = "forget-me-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL, Channel.POST);
        EventEnvelope email = request(customerId, Channel.EMAIL, "visit-thank-you",
                new Recipient("Mia Wong", address, null, null, "en-GB", "Europe/London"), Map.of("customerName", "Mia Wong"));
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, email);
        assertEquals("SENT", statuses(customerId, 1).get(0).data().path("status").asText());
        EventEnvelope card = request(customerId, Channel.POST, "sympathy-card",
                new Recipient("Mia Wong", null, null, ADDRESS, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "petName", "Biscuit"));
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, card);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/notifications/" + notificationId(card))
                .then().statusCode(200).body("status", equalTo("PENDING")));

        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, customerErased(customerId));

        List<EventEnvelope> statuses = statuses(customerId, 2);
        assertEquals("SUPPRESSED", statuses.get(1).data().path("status").asText());
        assertEquals("the customer asked to be forgotten", statuses.get(1).data().path("reason").asText());
        given().when().get("/notifications/" + notificationId(email)).then().statusCode(200)
                .body("status", equalTo("SENT")).body("recipient", nullValue()).body("bodyText", nullValue());
    }
}
