package dev.tend.customer;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.platform.observability.PiiMaskingFilter;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@CustomerServiceTestResource
class ObservabilityTest {

    @Test
    void shouldCarryTheCallersCorrelationIdIntoTheEvent() {
        String correlationId = "pms-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).header("X-Correlation-Id", correlationId)
                .body(Fixtures.household("Corr Elation"))
                .when().post("/customers")
                .then().statusCode(201).header("X-Correlation-Id", equalTo(correlationId))
                .extract().path("id");
        EventEnvelope event = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, UUID.fromString(id),
                Duration.ofSeconds(30), found -> !found.isEmpty()).get(0);
        assertEquals(correlationId, event.correlationId());

        // An unacceptable id is replaced by the request's trace id.
        given().header("X-Correlation-Id", "<script>").when().get("/customers/" + id)
                .then().header("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void shouldExposeOutboxConsumerAndKafkaMetrics() {
        UUID id = Fixtures.registerCustomer("Metric Mae");
        KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, id, Duration.ofSeconds(30), found -> !found.isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("tend_outbox_backlog"))
                .body(containsString("tend_outbox_oldest_age_seconds"))
                .body(containsString("tend_outbox_published_total"))
                .body(containsString("tend_outbox_publish_latency_seconds_bucket"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("kafka_consumer_")));
    }

    @Test
    void shouldMaskEmailsAndPhonesInLogLines() {
        assertEquals("sent to a***@*** and +***18 for customer 5e9623c4-3cac-4ee4-afae-086f01e972e6 on 2026-11-22",
                PiiMaskingFilter.mask("sent to ana.souza@example.co.uk and +442079460018 for customer "
                        + "5e9623c4-3cac-4ee4-afae-086f01e972e6 on 2026-11-22"));
    }
}
