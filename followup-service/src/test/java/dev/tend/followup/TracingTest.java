package dev.tend.followup;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@FollowupServiceTestResource
class TracingTest extends FollowupTestSupport {

    /** Today at midday: the email is not held for the household's morning, whatever the hour the test runs. */
    @BeforeEach
    void midday() {
        clock.set(at(LocalDate.now(ZoneId.of(LONDON)) + "T12:00", LONDON));
    }

    @Test
    void shouldContinueTheVisitsTraceWhenThePlannedTaskFiresLater() {
        UUID customerId = UUID.randomUUID();
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, CustomerEventFixtures.customerRegistered(customerId, "Tracy Hale", "tracy@example.com"));
        String traceId = randomHex(16);
        EventEnvelope visit = CustomerEventFixtures.visitRecorded(customerId,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusHours(3));
        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, customerId.toString(), Events.write(visit),
                Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"));
        // Planned by the consumer; fired by the scheduler's own thread, which knows the trace only from the task row.
        // (60 s: when this class runs first, the consumers are still joining their groups.)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200)
                .body("find { it.templateKey == 'visit-thank-you' }.status", equalTo("FIRED")));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readAll(Topics.NOTIFICATION_REQUESTS,
                Duration.ofSeconds(30), found -> found.stream().anyMatch(r -> customerId.toString().equals(r.key())));
        ConsumerRecord<String, String> request = records.stream()
                .filter(r -> customerId.toString().equals(r.key())).findFirst().orElseThrow();
        Header traceparent = request.headers().lastHeader("traceparent");
        assertNotNull(traceparent, "the notification request carries the W3C trace context");
        assertEquals(traceId, new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1],
                "the request continues the visit's trace");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
