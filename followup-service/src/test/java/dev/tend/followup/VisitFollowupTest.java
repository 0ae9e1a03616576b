package dev.tend.followup;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.testsupport.EventSchemas;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@FollowupServiceTestResource
class VisitFollowupTest extends FollowupTestSupport {

    /** Today at midday: the email is not held for the household's morning, whatever the hour the test runs. */
    @BeforeEach
    void midday() {
        clock.set(at(LocalDate.now(ZoneId.of(LONDON)) + "T12:00", LONDON));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void shouldFireThankYouEmailRequestForAPastVisit() {
        UUID customerId = UUID.randomUUID();
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, CustomerEventFixtures.customerRegistered(customerId, "Tom Hale", "tom@example.com"));
        EventEnvelope visit = CustomerEventFixtures.visitRecorded(customerId, now().minusHours(3));
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, visit);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200)
                .body("[0].templateKey", equalTo("visit-thank-you"))
                .body("[0].status", equalTo("FIRED"))
                .body("[0].channel", equalTo("EMAIL")));

        List<EventEnvelope> requests = KafkaTestClient.eventsFor(Topics.NOTIFICATION_REQUESTS, customerId,
                Duration.ofSeconds(30), found -> !found.isEmpty());
        assertEquals(1, requests.size());
        EventEnvelope request = requests.get(0);
        assertEquals("NotificationRequested", request.type());
        assertEquals(visit.correlationId(), request.correlationId());
        assertEquals("tom@example.com", request.data().path("recipient").path("email").asText());
        assertEquals("Tom Hale", request.data().path("personalisation").path("customerName").asText());
        EventSchemas.assertConforms(Topics.NOTIFICATION_REQUESTS, request);
    }

    @Test
    void shouldPlanOnceWhenTheSameEventIsDeliveredTwice() {
        UUID customerId = UUID.randomUUID();
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, CustomerEventFixtures.customerRegistered(customerId, "Ida Berg", "ida@example.com"));
        EventEnvelope visit = CustomerEventFixtures.visitRecorded(customerId, now().plusDays(1));
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, visit);
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, visit);
        // A marker after the duplicate: once it is applied, the duplicate has been seen too.
        EventEnvelope marker = CustomerEventFixtures.visitRecorded(customerId, now().plusDays(2));
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, marker);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200)
                .body("findAll { it.templateKey == 'visit-thank-you' }.visitId", equalTo(List.of(
                        visit.data().path("visit").path("visitId").asText(),
                        marker.data().path("visit").path("visitId").asText())))
                .body("findAll { it.templateKey == 'visit-thank-you' }.status", equalTo(List.of("PENDING", "PENDING"))));
    }

    @Test
    void shouldDeadLetterARecordThatIsNotAnEventAndGoOn() {
        String poison = "not json " + UUID.randomUUID();
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, UUID.randomUUID().toString(), poison);
        UUID customerId = UUID.randomUUID();
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, CustomerEventFixtures.customerRegistered(customerId, "Lea Roy", "lea@example.com"));
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, CustomerEventFixtures.visitRecorded(customerId, now().plusDays(1)));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readAll(Topics.DEAD_LETTER, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> poison.equals(r.value())));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> poison.equals(r.value())).findFirst().orElseThrow();
        String reason = new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("not a valid event envelope"), reason);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200).body("findAll { it.templateKey == 'visit-thank-you' }", hasSize(1)));
    }
}
