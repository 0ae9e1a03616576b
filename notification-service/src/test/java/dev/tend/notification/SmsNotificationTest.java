package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.SentSms;
import dev.tend.notification.sms.TwilioSignatures;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
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
class SmsNotificationTest {

    private static final String PUBLIC_BASE_URL = "http://localhost:8083";
    private static final Map<String, String> RECHECK = Map.of("customerName", "Mia Wong", "petName", "Biscuit",
            "recheckDate", "11 April");

    @AfterEach
    void providerBackToNormal() {
        SmsStandInResource.standIn().recover();
    }

    private static EventEnvelope recheckReminder(UUID customerId, String phone) {
        return request(customerId, Channel.SMS, "recheck-reminder",
                new Recipient("Mia Wong", null, phone, null, "en-GB", "Europe/London"), RECHECK);
    }

    private static List<SentSms> textsTo(String e164) {
        return SmsStandInResource.standIn().messages().stream().filter(sms -> e164.equals(sms.to())).toList();
    }

    private static ValidatableResponse webhook(String path, Map<String, String> form, boolean signed) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        String signature = TwilioSignatures.sign(SmsStandInResource.standIn().authToken(), PUBLIC_BASE_URL + path, params);
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form);
        if (signed) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.when().post(path).then();
    }

    private static Map<String, String> inbound(String from, String body) {
        return Map.of("From", from, "To", "+15005550006", "Body", body, "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
    }

    private static String notificationStatus(EventEnvelope request) {
        return given().when().get("/notifications/" + notificationId(request)).then().statusCode(200)
                .extract().path("status");
    }

    @Test
    void shouldTextInE164WithAStatusCallbackAndReportDelivery() {
        String phone = "+447911123101";
        UUID customerId = household(null, phone, Channel.SMS);
        EventEnvelope request = recheckReminder(customerId, "07911 123101");
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);

        await().atMost(WAIT).until(() -> textsTo(phone).size() == 1);
        SentSms sms = textsTo(phone).get(0);
        assertTrue(sms.body().contains("Biscuit") && sms.body().contains("11 April"), sms.body());
        assertEquals("+15005550006", sms.from());
        assertEquals(PUBLIC_BASE_URL + "/webhooks/twilio/status", sms.statusCallback());
        EventEnvelope sent = statuses(customerId, 1).get(0);
        assertEquals("SENT", sent.data().path("status").asText());
        assertEquals(sms.sid(), sent.data().path("providerMessageId").asText());
        given().when().get("/notifications/" + notificationId(request))
                .then().statusCode(200).body("segments", equalTo(1)).body("recipient", equalTo(phone));

        webhook("/webhooks/twilio/status", Map.of("MessageSid", sms.sid(), "MessageStatus", "delivered"), true)
                .statusCode(200);

        List<EventEnvelope> statuses = statuses(customerId, 2);
        assertEquals("DELIVERED", statuses.get(1).data().path("status").asText());
    }

    @Test
    void shouldRefuseUnsignedOrWronglySignedWebhooksAndChangeNothing() {
        String phone = "+447911123102";
        UUID customerId = household(null, phone, Channel.SMS);

        webhook("/webhooks/twilio/inbound", inbound(phone, "STOP"), false)
                .statusCode(403).contentType("application/problem+json").body("field", equalTo("X-Twilio-Signature"));
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .formParams(inbound(phone, "STOP"))
                .when().post("/webhooks/twilio/inbound").then().statusCode(403);

        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, recheckReminder(customerId, phone));
        assertEquals("SENT", statuses(customerId, 1).get(0).data().path("status").asText());
    }

    @Test
    void shouldStopOnSTOPAndTextAgainAfterSTART() {
        String phone = "+447911123103";
        UUID customerId = household(null, phone, Channel.SMS);

        webhook("/webhooks/twilio/inbound", inbound(phone, "Stop"), true).statusCode(200);
        List<EventEnvelope> consentRequests = Fixtures.events(Topics.CONSENT_REQUESTS, customerId, found -> !found.isEmpty());
        assertEquals("SMS", consentRequests.get(0).data().path("channel").asText());
        assertEquals(false, consentRequests.get(0).data().path("granted").asBoolean(true));

        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, recheckReminder(customerId, phone));
        EventEnvelope suppressed = statuses(customerId, 1).get(0);
        assertEquals("SUPPRESSED", suppressed.data().path("status").asText());
        assertTrue(suppressed.data().path("reason").asText().contains("STOP"), suppressed.data().toString());

        webhook("/webhooks/twilio/inbound", inbound(phone, "START"), true)
                .statusCode(200).body(containsString("<Message>"));
        consentRequests = Fixtures.events(Topics.CONSENT_REQUESTS, customerId, found -> found.size() >= 2);
        assertEquals(true, consentRequests.get(1).data().path("granted").asBoolean(false));

        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, recheckReminder(customerId, phone));
        assertEquals("SENT", statuses(customerId, 2).get(1).data().path("status").asText());
        assertEquals(1, textsTo(phone).size());
    }

    @Test
    void shouldAnswerHELPWithTheClinicsNumber() {
        webhook("/webhooks/twilio/inbound", inbound("+447911123104", "help"), true)
                .statusCode(200).body(containsString("<Message>")).body(containsString("+44 20 7946 0000"));
    }

    @Test
    void shouldRetryAfterProviderErrorsAndSendOnce() {
        String phone = "+447911123105";
        UUID customerId = household(null, phone, Channel.SMS);
        SmsStandInResource.standIn().failWith(500);
        EventEnvelope request = recheckReminder(customerId, phone);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/notifications/" + notificationId(request))
                .then().body("status", equalTo("PENDING")).body("statusReason", containsString("500")));
        SmsStandInResource.standIn().recover();
        SettableClock.INSTANCE.advance(Duration.ofHours(1));

        await().atMost(WAIT).until(() -> "SENT".equals(notificationStatus(request)));
        assertEquals(1, textsTo(phone).size());
        assertEquals("SENT", statuses(customerId, 1).get(0).data().path("status").asText());
    }

    @Test
    void shouldReconcileRatherThanResendWhenTheProviderTimesOut() {
        String phone = "+447911123106";
        UUID customerId = household(null, phone, Channel.SMS);
        SmsStandInResource.standIn().delayResponses(Duration.ofSeconds(9));
        EventEnvelope request = recheckReminder(customerId, phone);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/notifications/" + notificationId(request))
                .then().body("status", equalTo("SENDING")).body("statusReason", containsString("outcome unknown")));
        // The provider took the message all the same, only its answer came too late.
        await().atMost(WAIT).until(() -> textsTo(phone).size() == 1);
        SmsStandInResource.standIn().recover();
        SettableClock.INSTANCE.advance(Duration.ofHours(1));

        await().atMost(WAIT).until(() -> "SENT".equals(notificationStatus(request)));
        assertEquals(1, textsTo(phone).size());
        given().when().get("/notifications/" + notificationId(request))
                .then().body("providerMessageId", equalTo(textsTo(phone).get(0).sid()));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tend_notification_ambiguous_total{channel=\"SMS\"}"))
                .body(containsString("tend_notification_reconciled_total{channel=\"SMS\",outcome=\"found\"}"));
    }

    @Test
    void shouldAnswerHELPInTheLanguageOfTheHouseholdWeLastTexted() {
        String phone = "+351912345678";
        UUID customerId = household(null, phone, Channel.SMS);
        EventEnvelope reminder = request(customerId, Channel.SMS, "recheck-reminder",
                new Recipient("Ana Souza", null, phone, null, "pt-PT", "Europe/Lisbon"),
                Map.of("customerName", "Ana Souza", "petName", "Bella", "recheckDate", "2026-12-03"));
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, reminder);
        await().atMost(WAIT).until(() -> textsTo(phone).size() == 1);
        assertTrue(textsTo(phone).get(0).body().contains("quinta-feira, 3 de dezembro"), textsTo(phone).get(0).body());

        webhook("/webhooks/twilio/inbound", inbound(phone, "HELP"), true)
                .statusCode(200).body(containsString("se precisar de ajuda, ligue-nos para o +44 20 7946 0000"));
        webhook("/webhooks/twilio/inbound", inbound(phone, "START"), true)
                .statusCode(200).body(containsString("vai voltar a receber as nossas mensagens"));
    }
}
