package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.testsupport.KafkaTestClient;
import dev.tend.testsupport.MailCatcherResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@NotificationServiceTestResource
class TracingTest {

    @Inject
    CollectedSpans spans;

    @Test
    void shouldSendTheEmailInTheRequestsTraceWithTheSmtpCallAsASpanOfItsOwn() {
        String address = "traced-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL);
        EventEnvelope request = request(customerId, Channel.EMAIL, "visit-thank-you",
                new Recipient("Tia Moss", address, null, null, "en-GB", "Europe/London"),
                Map.of("customerName", "Tia Moss", "visitReason", "a check-up"));
        String traceId = randomHex(16);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, customerId.toString(), Events.write(request),
                Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"));

        await().atMost(WAIT).until(() -> MailCatcherResource.catcher().messages().stream()
                .anyMatch(m -> m.to().contains(address)));
        // The dispatcher sends from its own thread, later: it knows the trace only from the notification's row.
        await().atMost(WAIT).until(() -> named(spans.inTrace(traceId), "smtp send") != null);
        List<SpanData> trace = spans.inTrace(traceId);
        SpanData smtp = named(trace, "smtp send");
        SpanData delivery = named(trace, "notification deliver");
        assertNotNull(delivery, "the delivery continues the request's trace: " + trace);
        assertEquals(SpanKind.CLIENT, smtp.getKind());
        assertEquals(delivery.getSpanId(), smtp.getParentSpanId());
        assertEquals(notificationId(request).toString(),
                smtp.getAttributes().asMap().entrySet().stream()
                        .filter(e -> e.getKey().getKey().equals("tend.notification.id"))
                        .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null));
        assertTrue(trace.stream().anyMatch(s -> s.getName().equals("notification.requests process")),
                "the consumer's span: " + trace);
    }

    private static SpanData named(List<SpanData> trace, String name) {
        return trace.stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
