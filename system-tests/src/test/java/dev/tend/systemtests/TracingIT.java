package dev.tend.systemtests;

import dev.tend.infra.TendSystem;
import dev.tend.systemtests.tracing.OtlpReceiver;
import dev.tend.systemtests.tracing.OtlpReceiver.ReceivedSpan;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One visit is one trace: posted to customer-service, through its outbox and Kafka to followup-service, which plans
 * the thank-you and fires it from its scheduler, through its outbox and Kafka to notification-service, which sends
 * the email. The packaged services export to an OTLP receiver stand-in.
 */
class TracingIT {

    private static OtlpReceiver receiver;
    private static TendSystem system;

    @BeforeAll
    static void start() throws IOException {
        receiver = OtlpReceiver.start();
        Path projectRoot = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
        Path workDir = Files.createTempDirectory("tend-tracing-it");
        system = TendSystem.start(TendSystem.Options.forTests(projectRoot, workDir).withTraceCollector(receiver.endpoint()));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void shouldFollowOneVisitThroughAllThreeServicesInOneTrace() {
        String address = "traced-" + UUID.randomUUID() + "@example.com";
        String customerId = given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Tariq Osei", "emails", List.of(address), "timezone", "Europe/London",
                        "locale", "en-GB", "consents", List.of(Map.of("channel", "EMAIL", "granted", true))))
                .when().post("/customers")
                .then().statusCode(201).extract().path("id");

        // No correlation id given: the one echoed is the visit's trace id.
        String traceId = given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "visitType", "wellness", "reason", "a booster",
                        "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()))
                .when().post("/visits")
                .then().statusCode(201).extract().header("X-Correlation-Id");
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<ReceivedSpan> trace = receiver.trace(traceId);
            Set<String> services = trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
            assertEquals(Set.of("customer-service", "followup-service", "notification-service"), services,
                    "services in the trace; receiver rejected: " + receiver.rejected());
            assertTrue(has(trace, "notification-service", "smtp send"), "the SMTP call's own span: " + names(trace));
            assertTrue(has(trace, "followup-service", "followup task fire"), "the scheduler's firing: " + names(trace));
            assertTrue(has(trace, "customer-service", "tend.customer.events publish"), names(trace));
            assertTrue(has(trace, "followup-service", "tend.notification.requests publish"), names(trace));
            assertConnected(trace);
        });
    }

    /** One root (the visit's request) and every other span's parent in the trace: nothing hangs off a lost span. */
    private static void assertConnected(List<ReceivedSpan> trace) {
        List<ReceivedSpan> roots = trace.stream().filter(ReceivedSpan::isRoot).toList();
        assertEquals(1, roots.size(), "one root: " + roots);
        assertEquals("customer-service", roots.get(0).service());
        Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        List<ReceivedSpan> orphans = trace.stream().filter(s -> !s.isRoot() && !ids.contains(s.parentSpanId())).toList();
        assertTrue(orphans.isEmpty(), "spans whose parent is missing: " + orphans);
    }

    private static boolean has(List<ReceivedSpan> trace, String service, String name) {
        return trace.stream().anyMatch(s -> s.service().equals(service) && s.name().equals(name));
    }

    private static String names(List<ReceivedSpan> trace) {
        return trace.stream().map(s -> s.service() + ":" + s.name()).sorted().collect(Collectors.joining(", "));
    }
}
