package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.notification.consent.Suppressions;
import dev.tend.notification.sms.TwilioSignatures;
import dev.tend.testsupport.EventSchemas;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static dev.tend.notification.Fixtures.statuses;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What customers text back: stored once, matched to households, linked to what it answers, and published. */
@QuarkusTest
@NotificationServiceTestResource
class InboundSmsTest {

    private static final String PUBLIC_BASE_URL = "http://localhost:8083";
    private static final String CLINIC_NUMBER = "+15005550006";

    @Inject
    Suppressions suppressions;

    static ValidatableResponse textIn(Map<String, String> form) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        String signature = TwilioSignatures.sign(SmsStandInResource.standIn().authToken(),
                PUBLIC_BASE_URL + "/webhooks/twilio/inbound", params);
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form)
                .header("X-Twilio-Signature", signature)
                .when().post("/webhooks/twilio/inbound").then();
    }

    static Map<String, String> text(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", from);
        form.put("To", CLINIC_NUMBER);
        form.put("Body", body);
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        return form;
    }

    /** The customer messages published for a household, each checked against the topic's JSON Schema. */
    static List<EventEnvelope> messagesFor(UUID customerId, int atLeast) {
        List<EventEnvelope> messages = Fixtures.events(Topics.CUSTOMER_MESSAGES, customerId, found -> found.size() >= atLeast);
        messages.forEach(message -> EventSchemas.assertConforms(Topics.CUSTOMER_MESSAGES, message));
        assertTrue(messages.size() >= atLeast, "expected " + atLeast + " customer messages, got " + messages);
        return messages;
    }

    private Optional<String> suppressionOf(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> suppressions.reason(Channel.SMS, phone));
    }

    private static long storedWithSid(String sid) {
        return QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("providerMessageId", sid));
    }

    @Test
    void shouldPublishATextedReplyLinkedToTheFeedbackRequestItAnswers() {
        String phone = "+447911124101";
        UUID customerId = household(null, phone, Channel.SMS);
        EventEnvelope feedbackRequest = request(customerId, Channel.SMS, "feedback-request",
                new Recipient("Mia Wong", null, phone, null, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "petName", "Biscuit"));
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, feedbackRequest);
        assertEquals("SENT", statuses(customerId, 1).get(0).data().path("status").asText());

        Map<String, String> reply = text(phone, "She's limping again since this morning");
        reply.put("NumMedia", "1");
        reply.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME123");
        reply.put("MediaContentType0", "image/jpeg");
        textIn(reply).statusCode(200);

        EventEnvelope message = messagesFor(customerId, 1).get(0);
        assertEquals("CustomerMessageReceived", message.type());
        assertEquals(feedbackRequest.correlationId(), message.correlationId());
        var data = message.data();
        assertEquals("SMS", data.path("channel").asText());
        assertEquals("REPLY", data.path("kind").asText());
        assertEquals(phone, data.path("from").asText());
        assertEquals("She's limping again since this morning", data.path("body").asText());
        assertTrue(data.path("rating").isNull(), data.toString());
        assertEquals(0, data.path("sharedWithCustomerIds").size());
        assertEquals(notificationId(feedbackRequest).toString(), data.path("inReplyTo").path("notificationId").asText());
        assertEquals("feedback-request", data.path("inReplyTo").path("templateKey").asText());
        assertEquals("SMS", data.path("inReplyTo").path("channel").asText());
        assertEquals("image/jpeg", data.path("attachments").get(0).path("contentType").asText());
        assertEquals(reply.get("MediaUrl0"), data.path("attachments").get(0).path("url").asText());

        given().when().get("/inbound-messages/" + data.path("messageId").asText()).then().statusCode(200)
                .body("status", equalTo("MATCHED"))
                .body("customerIds", hasItem(customerId.toString()))
                .body("inReplyToNotificationId", equalTo(notificationId(feedbackRequest).toString()));
    }

    @Test
    void shouldStoreAProviderRetryOnce() {
        String phone = "+447911124102";
        UUID customerId = household(null, phone, Channel.SMS);
        Map<String, String> reply = text(phone, "Can we move Thursday's appointment?");

        textIn(reply).statusCode(200);
        textIn(reply).statusCode(200);
        textIn(text(phone, "Thank you!")).statusCode(200);

        List<EventEnvelope> messages = messagesFor(customerId, 2);
        assertEquals(List.of("Can we move Thursday's appointment?", "Thank you!"),
                messages.stream().map(m -> m.data().path("body").asText()).toList());
        assertEquals(1, storedWithSid(reply.get("MessageSid")));
    }

    @Test
    void shouldPublishToEveryHouseholdSharingTheNumberNamingTheOthers() {
        String phone = "+447911124103";
        UUID first = household(null, phone, Channel.SMS);
        UUID second = household(null, phone, Channel.SMS);

        textIn(text(phone, "Who is due for the booster?")).statusCode(200);

        EventEnvelope toFirst = messagesFor(first, 1).get(0);
        EventEnvelope toSecond = messagesFor(second, 1).get(0);
        assertEquals(toFirst.data().path("messageId"), toSecond.data().path("messageId"));
        assertEquals(second.toString(), toFirst.data().path("sharedWithCustomerIds").get(0).asText());
        assertEquals(first.toString(), toSecond.data().path("sharedWithCustomerIds").get(0).asText());
    }

    @Test
    void shouldKeepATextFromAnUnknownNumberUntilStaffLinkIt() {
        String phone = "+447911124104";
        Map<String, String> reply = text(phone, "Hi, this is Tom's new number");
        textIn(reply).statusCode(200);

        String id = given().when().get("/inbound-messages?status=UNMATCHED&size=200").then().statusCode(200)
                .body("items.find { it.from == '" + phone + "' }.body", equalTo("Hi, this is Tom's new number"))
                .extract().path("items.find { it.from == '" + phone + "' }.id");
        UUID customerId = household(null, "+447911124199", Channel.SMS);

        given().contentType("application/json").body(Map.of("customerId", customerId))
                .when().post("/inbound-messages/" + id + "/link").then().statusCode(200)
                .body("status", equalTo("MATCHED")).body("linkedBy", equalTo("tend-local-admin"));

        EventEnvelope message = messagesFor(customerId, 1).get(0);
        assertEquals(id, message.data().path("messageId").asText());
        assertEquals(phone, message.data().path("from").asText());
        given().contentType("application/json").body(Map.of("customerId", customerId))
                .when().post("/inbound-messages/" + id + "/link").then().statusCode(409)
                .contentType("application/problem+json");
        given().when().get("/inbound-messages?status=UNMATCHED&size=200").then().statusCode(200)
                .body("items.findAll { it.id == '" + id + "' }.size()", equalTo(0));
    }

    @Test
    void shouldPublishATextedTwoAsARatingOfTwo() {
        String phone = "+447911124105";
        UUID customerId = household(null, phone, Channel.SMS);

        textIn(text(phone, "2")).statusCode(200);

        EventEnvelope message = messagesFor(customerId, 1).get(0);
        assertEquals(2, message.data().path("rating").asInt());
        assertEquals("2", message.data().path("body").asText());
    }

    @Test
    void shouldNotStoreKeywordTexts() {
        String phone = "+447911124106";
        Map<String, String> help = text(phone, "HELP");
        textIn(help).statusCode(200);
        assertEquals(0, storedWithSid(help.get("MessageSid")));
    }

    @Test
    void shouldPassATextThatOnlyStartsWithAKeywordToAPersonAndNotOptOut() {
        String phone = "+447911124107";
        UUID customerId = household(null, phone, Channel.SMS);
        Map<String, String> text = text(phone, "Cancel my appointment on Friday please, Bella is better");

        textIn(text).statusCode(200).body(not(containsString("<Message>")));

        EventEnvelope message = messagesFor(customerId, 1).get(0);
        assertEquals("Cancel my appointment on Friday please, Bella is better", message.data().path("body").asText());
        assertEquals(1, storedWithSid(text.get("MessageSid")));
        assertTrue(suppressionOf(phone).isEmpty(), "still reachable by text");
    }

    @Test
    void shouldStopOnAPortugueseOrSpanishStopWord() {
        for (String[] each : new String[][] {{"+351912345601", "Parar"}, {"+34612345602", "Baja."}}) {
            Map<String, String> stop = text(each[0], each[1]);
            textIn(stop).statusCode(200);
            assertEquals(0, storedWithSid(stop.get("MessageSid")), each[1] + " is not a message for staff");
            assertTrue(suppressionOf(each[0]).isPresent(), each[1] + " stops texts to " + each[0]);
        }
    }
}
