package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.infra.CaughtMail;
import dev.tend.infra.SentSms;
import dev.tend.notification.email.UnsubscribeTokens;
import dev.tend.notification.rest.InboundMailWebhookResource;
import dev.tend.testsupport.MailCatcherResource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.InboundSmsTest.messagesFor;
import static dev.tend.notification.InboundSmsTest.text;
import static dev.tend.notification.InboundSmsTest.textIn;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff answering a customer from Tend, and the conversation both ways. */
@QuarkusTest
@NotificationServiceTestResource
class StaffAnswerTest {

    private static List<SentSms> textsTo(String phone) {
        return SmsStandInResource.standIn().messages().stream().filter(sms -> phone.equals(sms.to())).toList();
    }

    private static List<CaughtMail> mailTo(String address) {
        return MailCatcherResource.catcher().messages().stream().filter(m -> m.to().contains(address)).toList();
    }

    @Test
    void shouldTextTheAnswerOnTheChannelTheCustomerWroteOnOnceForARetriedRequest() {
        String phone = "+447911125101";
        UUID customerId = household(null, phone, Channel.SMS);
        textIn(text(phone, "Is Biscuit ready to be picked up?")).statusCode(200);
        String messageId = messagesFor(customerId, 1).get(0).data().path("messageId").asText();
        // The service's clock stands still in tests: the answer is written a minute after the question.
        SettableClock.INSTANCE.advance(Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();

        String id = given().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("body", "Yes, any time after 3pm."))
                .when().post("/customers/" + customerId + "/messages").then().statusCode(201)
                .body("channel", equalTo("SMS")).body("templateKey", equalTo("staff-message"))
                .extract().path("id");
        given().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("body", "Yes, any time after 3pm."))
                .when().post("/customers/" + customerId + "/messages").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));

        await().atMost(WAIT).until(() -> textsTo(phone).size() == 1);
        assertEquals("Yes, any time after 3pm.", textsTo(phone).get(0).body());

        given().when().get("/customers/" + customerId + "/messages").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].direction", equalTo("OUT")).body("items[0].id", equalTo(id))
                .body("items[0].inReplyTo", equalTo(messageId))
                .body("items[1].direction", equalTo("IN")).body("items[1].body", equalTo("Is Biscuit ready to be picked up?"));
        given().when().get("/customers/" + customerId + "/messages?size=1&page=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].direction", equalTo("IN")).body("total", equalTo(2));
    }

    @Test
    void shouldEmailAnAnswerToTheCustomersOwnEmailEvenAfterTheyUnsubscribed() {
        String email = "ask-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(email, null, Channel.EMAIL);
        byte[] question = ("From: Sam <" + email + ">\r\nTo: hello@tend.local\r\nSubject: Invoice for March\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@example.com>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Could you send me the invoice?\r\n").getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", "").contentType("message/rfc822").body(question)
                .header("X-Tend-Signature", InboundMailWebhookResource.sign("test-inbound-mail-key", question))
                .when().post("/webhooks/email/inbound").then().statusCode(204);
        EventEnvelope asked = messagesFor(customerId, 1).get(0);
        assertEquals(email, asked.data().path("from").asText());
        String token = Arc.container().instance(UnsubscribeTokens.class).get().issue(customerId, email);
        given().header("Authorization", "").when().post("/unsubscribe/" + token).then().statusCode(200);

        given().contentType("application/json").body(Map.of("body", "Here it is: attached to your account online."))
                .when().post("/customers/" + customerId + "/messages").then().statusCode(201)
                .body("channel", equalTo("EMAIL"));

        await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        CaughtMail answer = mailTo(email).get(0);
        assertEquals("Re: Invoice for March", answer.subject());
        assertTrue(answer.textBody().startsWith("Here it is: attached to your account online."), answer.textBody());
    }

    @Test
    void shouldRefuseAnSmsAnswerToANumberThatTextedStop() {
        String phone = "+447911125103";
        UUID customerId = household(null, phone, Channel.SMS);
        textIn(text(phone, "STOP")).statusCode(200);

        given().contentType("application/json").body(Map.of("channel", "SMS", "body", "Sorry to see you go"))
                .when().post("/customers/" + customerId + "/messages").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("STOP"));
        assertEquals(0, textsTo(phone).size());
    }

    @Test
    void shouldAskForAChannelWhenTheCustomerHasNotWritten() {
        UUID customerId = household(null, "+447911125104", Channel.SMS);
        given().contentType("application/json").body(Map.of("body", "Hello"))
                .when().post("/customers/" + customerId + "/messages").then().statusCode(400)
                .body("field", equalTo("channel"));
    }
}
