package dev.tend.customer;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.customer.ConsentChangeRequested;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consent changes raised elsewhere (an SMS STOP) are applied once and republished. */
@QuarkusTest
@CustomerServiceTestResource
class ConsentRequestsTest {

    @Test
    void shouldApplyAStopRequestOnceAndRepublishItAsConsentChanged() {
        UUID id = Fixtures.registerCustomer("Stop Sender");
        EventEnvelope stop = Events.envelope(new ConsentChangeRequested(id, Channel.SMS, false, "sms STOP", Instant.now()),
                id, Instant.now(), null);
        KafkaTestClient.send(Topics.CONSENT_REQUESTS, stop);
        KafkaTestClient.send(Topics.CONSENT_REQUESTS, stop);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/customers/" + id + "/consents")
                .then().body("find { it.channel == 'SMS' }.granted", equalTo(false))
                .body("find { it.channel == 'SMS' }.source", equalTo("sms STOP")));
        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, id, Duration.ofSeconds(5),
                found -> found.size() > 2);
        assertEquals(List.of("CustomerRegistered", "ConsentChanged"), events.stream().map(EventEnvelope::type).toList());
    }

    @Test
    void shouldDeadLetterARequestForAnUnknownCustomerAndGoOn() {
        UUID unknown = UUID.randomUUID();
        KafkaTestClient.send(Topics.CONSENT_REQUESTS, Events.envelope(
                new ConsentChangeRequested(unknown, Channel.EMAIL, false, "unsubscribe link", Instant.now()),
                unknown, Instant.now(), null));
        UUID known = Fixtures.registerCustomer("After Poison");
        KafkaTestClient.send(Topics.CONSENT_REQUESTS, Events.envelope(
                new ConsentChangeRequested(known, Channel.EMAIL, false, "unsubscribe link", Instant.now()),
                known, Instant.now(), null));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readAll(Topics.DEAD_LETTER, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> unknown.toString().equals(r.key())));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> unknown.toString().equals(r.key())).findFirst().orElseThrow();
        String reason = new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("no customer " + unknown), reason);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/customers/" + known + "/consents")
                .then().body("find { it.channel == 'EMAIL' }.granted", equalTo(false)));
    }
}
