package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventPayload;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.notification.inbound.InboundMessages;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.InboundSmsTest.messagesFor;
import static dev.tend.notification.InboundSmsTest.text;
import static dev.tend.notification.InboundSmsTest.textIn;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What customers write is erased with them, and kept no longer than the retention period. */
@QuarkusTest
@NotificationServiceTestResource
class InboundPrivacyTest {

    private static EventEnvelope customerErased(UUID customerId) {
        return new EventEnvelope(UUID.randomUUID(), "CustomerErased", EventPayload.SCHEMA_VERSION, Instant.now(),
                customerId, "erasure-" + customerId, Events.mapper().createObjectNode()
                .put("customerId", customerId.toString()).put("erasedAt", Instant.now().toString()));
    }

    @Test
    void shouldEraseWhatAHouseholdWroteWhenItAsksToBeForgotten() {
        String phone = "+447911126101";
        UUID customerId = household(null, phone, Channel.SMS);
        textIn(text(phone, "Our new address is 4 Secret Lane")).statusCode(200);
        String messageId = messagesFor(customerId, 1).get(0).data().path("messageId").asText();

        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, customerErased(customerId));

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/inbound-messages/" + messageId).then()
                .statusCode(200).body("status", equalTo("ERASED")).body("body", nullValue()).body("from", nullValue()));
        given().when().get("/customers/" + customerId + "/messages").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldDeleteMessagesOlderThanTheRetentionPeriod() {
        String phone = "+447911126102";
        Map<String, String> old = text(phone, "An old message");
        Map<String, String> recent = text(phone, "A recent message");
        textIn(old).statusCode(200);
        textIn(recent).statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> InboundMessage.getEntityManager().createNativeQuery(
                        "UPDATE inbound_message SET received_at = received_at - interval '366 days' WHERE provider_message_id = :sid")
                .setParameter("sid", old.get("MessageSid")).executeUpdate());

        Arc.container().instance(InboundMessages.class).get().prune();

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, InboundMessage.count("providerMessageId", old.get("MessageSid")));
            assertEquals(1, InboundMessage.count("providerMessageId", recent.get("MessageSid")));
        });
    }
}
