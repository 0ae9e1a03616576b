package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.CaughtMail;
import dev.tend.testsupport.KafkaTestClient;
import dev.tend.testsupport.MailCatcherResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@NotificationServiceTestResource
class EmailNotificationTest {

    private static EventEnvelope thankYouRequest(UUID customerId, String email) {
        NotificationRequested request = new NotificationRequested(UUID.randomUUID(), UUID.randomUUID(), customerId,
                Channel.EMAIL, "visit-thank-you", new Recipient("Mia Wong", email, null, null, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "visitReason", "a dental clean", "staffMember", "Dr. Sam Ortiz"));
        return Events.envelope(request, customerId, Instant.now(), "corr-" + customerId);
    }

    private static List<CaughtMail> mailTo(String address) {
        return MailCatcherResource.catcher().messages().stream().filter(m -> m.to().contains(address)).toList();
    }

    @Test
    void shouldSendPersonalEmailAndPublishSentStatus() {
        UUID customerId = UUID.randomUUID();
        String address = "mia-" + customerId + "@example.com";
        EventEnvelope request = thankYouRequest(customerId, address);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() == 1);
        CaughtMail mail = mailTo(address).get(0);
        assertEquals("Thank you for your visit today", mail.subject());
        assertTrue(mail.textBody().contains("Dear Mia Wong"), mail.textBody());
        assertTrue(mail.textBody().contains("a dental clean"), mail.textBody());
        assertTrue(mail.htmlBody().contains("Dr. Sam Ortiz"), mail.htmlBody());
        String notificationId = request.data().path("notificationId").asText();
        assertEquals("<" + notificationId + "@tend>", mail.messageId());

        List<EventEnvelope> statuses = KafkaTestClient.eventsFor(Topics.NOTIFICATION_STATUS, customerId,
                Duration.ofSeconds(30), found -> !found.isEmpty());
        assertEquals("SENT", statuses.get(0).data().path("status").asText());
        assertEquals(request.correlationId(), statuses.get(0).correlationId());

        given().when().get("/notifications/" + notificationId)
                .then().statusCode(200).body("status", equalTo("SENT"));
    }

    @Test
    void shouldSendOnceWhenTheRequestIsRedelivered() {
        UUID customerId = UUID.randomUUID();
        String address = "twice-" + customerId + "@example.com";
        EventEnvelope request = thankYouRequest(customerId, address);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);
        String markerAddress = "marker-" + customerId + "@example.com";
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, thankYouRequest(customerId, markerAddress));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(markerAddress).size() == 1);
        assertEquals(1, mailTo(address).size());
    }
}
