package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.request;
import static dev.tend.notification.Fixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@NotificationServiceTestResource
class DeadLetterTest {

    @Test
    void shouldDeadLetterAPoisonRequestWithTheReasonAndGoOn() {
        String address = "after-poison-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL);
        String poison = "{\"this is\": \"not an envelope\" " + customerId;
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, customerId.toString(), poison);
        EventEnvelope good = request(customerId, Channel.EMAIL, "visit-thank-you",
                new Recipient("Mia Wong", address, null, null, "en-GB", "Europe/London"), Map.of("customerName", "Mia Wong"));
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, good);

        List<ConsumerRecord<String, String>> deadLetters = KafkaTestClient.readAll(Topics.DEAD_LETTER, WAIT,
                records -> records.stream().anyMatch(r -> poison.equals(r.value())));
        ConsumerRecord<String, String> deadLetter = deadLetters.stream().filter(r -> poison.equals(r.value())).findFirst().orElseThrow();
        String reason = new String(deadLetter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertFalse(reason.isBlank());
        assertTrue(reason.contains("not a valid event envelope"), reason);

        assertEquals("SENT", statuses(customerId, 1).get(0).data().path("status").asText());
    }
}
