package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.CaughtMail;
import dev.tend.testsupport.KafkaTestClient;
import dev.tend.testsupport.MailCatcherResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static dev.tend.notification.Fixtures.statuses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@NotificationServiceTestResource
class EmailNotificationTest {

    private static final Map<String, String> THANK_YOU = Map.of("customerName", "Mia Wong",
            "visitReason", "a dental clean", "staffMember", "Dr. Sam Ortiz", "petName", "Biscuit");

    private static EventEnvelope thankYou(UUID customerId, String email, String locale, Map<String, String> personalisation) {
        return request(customerId, Channel.EMAIL, "visit-thank-you",
                new Recipient("Mia Wong", email, null, null, locale, "Europe/London"), personalisation);
    }

    private static List<CaughtMail> mailTo(String address) {
        return MailCatcherResource.catcher().messages().stream().filter(m -> m.to().contains(address)).toList();
    }

    @Test
    void shouldSendPersonalEmailWithOneClickUnsubscribeAndPublishSentStatus() {
        String address = "mia-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL);
        EventEnvelope request = thankYou(customerId, address, "en-GB", THANK_YOU);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);

        await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
        CaughtMail mail = mailTo(address).get(0);
        assertEquals("Thank you for your visit today", mail.subject());
        assertTrue(mail.textBody().contains("Dear Mia Wong"), mail.textBody());
        assertTrue(mail.textBody().contains("a dental clean"), mail.textBody());
        assertTrue(mail.htmlBody().contains("Dr. Sam Ortiz"), mail.htmlBody());
        assertEquals("<" + notificationId(request) + "@tend>", mail.messageId());
        assertEquals("List-Unsubscribe=One-Click", mail.headers().get("List-Unsubscribe-Post").get(0));
        String unsubscribe = mail.headers().get("List-Unsubscribe").get(0);
        assertTrue(unsubscribe.matches("<http://localhost:8083/unsubscribe/[^>]+>"), unsubscribe);
        assertTrue(mail.textBody().contains(unsubscribe.substring(1, unsubscribe.length() - 1)), mail.textBody());

        List<EventEnvelope> statuses = statuses(customerId, 1);
        assertEquals("SENT", statuses.get(0).data().path("status").asText());
        assertEquals(request.correlationId(), statuses.get(0).correlationId());
        given().when().get("/notifications/" + notificationId(request))
                .then().statusCode(200).body("status", equalTo("SENT"));
        given().when().get("/notifications/" + notificationId(request) + "/content")
                .then().statusCode(200).body("html", containsString("Dr. Sam Ortiz"));
    }

    @Test
    void shouldSendOnceWhenTheRequestIsRedelivered() {
        String address = "twice-" + UUID.randomUUID() + "@example.com";
        String markerAddress = "marker-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL);
        EventEnvelope request = thankYou(customerId, address, "en-GB", THANK_YOU);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, thankYou(customerId, markerAddress, "en-GB", THANK_YOU));

        await().atMost(WAIT).until(() -> mailTo(markerAddress).size() == 1);
        assertEquals(1, mailTo(address).size());
    }

    @Test
    void shouldUnsubscribeByTheOneClickLinkAndSuppressLaterEmails() {
        String address = "leaving-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, thankYou(customerId, address, "en-GB", THANK_YOU));
        await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
        String header = mailTo(address).get(0).headers().get("List-Unsubscribe").get(0);
        String path = URI.create(header.substring(1, header.length() - 1)).getPath();

        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post(path)
                .then().statusCode(200).body(containsString("unsubscribed"));

        List<EventEnvelope> requests = Fixtures.events(Topics.CONSENT_REQUESTS, customerId, found -> !found.isEmpty());
        assertEquals("ConsentChangeRequested", requests.get(0).type());
        assertEquals("EMAIL", requests.get(0).data().path("channel").asText());
        assertEquals(false, requests.get(0).data().path("granted").asBoolean(true));

        EventEnvelope later = thankYou(customerId, address, "en-GB", THANK_YOU);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, later);
        List<EventEnvelope> statuses = statuses(customerId, 2);
        assertEquals("SUPPRESSED", statuses.get(1).data().path("status").asText());
        assertTrue(statuses.get(1).data().path("reason").asText().contains("unsubscribed"), statuses.get(1).data().toString());
        assertEquals(1, mailTo(address).size());
    }

    @Test
    void shouldRefuseATamperedUnsubscribeLink() {
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post("/unsubscribe/" + "bWlhQGV4YW1wbGUuY29t.Zm9yZ2Vk")
                .then().statusCode(403).contentType("application/problem+json").body("field", equalTo("token"));
    }

    @Test
    void shouldSuppressEmailWithoutConsentAndSayWhy() {
        String address = "no-consent-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, "+447911123123", Channel.SMS);
        EventEnvelope request = thankYou(customerId, address, "en-GB", THANK_YOU);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);

        List<EventEnvelope> statuses = statuses(customerId, 1);
        assertEquals("SUPPRESSED", statuses.get(0).data().path("status").asText());
        assertEquals("no email consent on record", statuses.get(0).data().path("reason").asText());
        assertTrue(mailTo(address).isEmpty());
        given().when().get("/notifications?customerId=" + customerId + "&status=SUPPRESSED")
                .then().statusCode(200).body("[0].statusReason", equalTo("no email consent on record"));
    }

    @Test
    void shouldWriteInTheCustomersLanguage() {
        String address = "ana-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, thankYou(customerId, address, "pt-PT",
                Map.of("customerName", "Ana Souza", "visitReason", "uma vacina")));

        await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
        assertEquals("Obrigado pela sua visita de hoje", mailTo(address).get(0).subject());
        CaughtMail mail = mailTo(address).get(0);
        assertTrue(mail.textBody().contains("Olá, Ana Souza"), mail.textBody());
        assertTrue(mail.textBody().contains("Para deixar de receber estes emails, siga esta ligação: http"), mail.textBody());
        assertTrue(!mail.textBody().contains("To stop") && !mail.htmlBody().contains("Unsubscribe"), mail.htmlBody());
        String link = URI.create(mail.headers().get("List-Unsubscribe").get(0).replaceAll("[<>]", "")).getPath();
        given().when().get(link).then().statusCode(200).body(containsString("Deixar de receber emails de Tend Veterinary Clinic?"));
    }

    @Test
    void shouldFailRatherThanSendABlankWhenAVariableIsMissing() {
        String address = "nameless-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, thankYou(customerId, address, "en-GB",
                Map.of("visitReason", "a dental clean")));

        List<EventEnvelope> statuses = statuses(customerId, 1);
        assertEquals("FAILED", statuses.get(0).data().path("status").asText());
        assertTrue(statuses.get(0).data().path("permanent").asBoolean());
        assertTrue(statuses.get(0).data().path("reason").asText().contains("{customerName}"), statuses.get(0).data().toString());
        assertTrue(mailTo(address).isEmpty());
    }
}
