package dev.tend.customer;

import dev.tend.contracts.Topics;
import dev.tend.platform.observability.NoTraceExport;
import dev.tend.testsupport.KafkaTestClient;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Arc;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.LateBoundSpanProcessor;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.RemoveableLateBoundSpanProcessor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@CustomerServiceTestResource
class TracingTest {

    @Test
    void shouldCarryTheCallersTraceIntoTheEventsKafkaHeaders() {
        String traceId = randomHex(16);
        String callersSpan = randomHex(8);
        String id = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .body(Fixtures.household("Trace Able"))
                .when().post("/customers")
                .then().statusCode(201)
                .extract().path("id");

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readAll(Topics.CUSTOMER_EVENTS,
                Duration.ofSeconds(30), found -> found.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, String> event = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        Header traceparent = event.headers().lastHeader("traceparent");
        assertNotNull(traceparent, "the event carries the W3C trace context");
        String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
        assertEquals(traceId, parts[1], "the event continues the caller's trace");
        assertNotEquals(callersSpan, parts[2], "under the outbox relay's own publish span");
    }

    @Test
    void shouldUseTheTraceIdAsCorrelationIdWhenTheCallerGivesNone() {
        String traceId = randomHex(16);
        given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body(Fixtures.household("Alias Ing"))
                .when().post("/customers")
                .then().statusCode(201)
                .header("X-Correlation-Id", traceId);
    }

    @Test
    void shouldSendNoTracesAnywhereWhileNoCollectorIsConfigured() {
        List<SpanExporter> exporters = Arc.container().select(SpanExporter.class, Any.Literal.INSTANCE).stream().toList();
        assertEquals(1, exporters.size(), "only Tend's own exporter: " + exporters);
        assertInstanceOf(NoTraceExport.class, exporters.get(0));

        List<SpanProcessor> otlp = Arc.container().select(SpanProcessor.class, Any.Literal.INSTANCE).stream()
                .filter(LateBoundSpanProcessor.class::isInstance).toList();
        assertFalse(otlp.isEmpty(), "Quarkus' OTLP span processor is there");
        assertTrue(otlp.stream().allMatch(RemoveableLateBoundSpanProcessor.class::isInstance),
                "and stands aside, so nothing is sent to its default localhost:4317: " + otlp);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
