package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.CaughtMail;
import dev.tend.testsupport.KafkaTestClient;
import dev.tend.testsupport.MailCatcherResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static dev.tend.notification.InboundSmsTest.messagesFor;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One-click rating links in feedback-request emails: a GET shows the rating, a POST records it once. */
@QuarkusTest
@NotificationServiceTestResource
class RatingLinkTest {

    private static final Pattern LINK = Pattern.compile("(\\d) http://localhost:8083(/rate/[A-Za-z0-9_.-]+)");

    /** Sends a feedback request and returns its five rating links' paths, by rating. */
    private static Map<Integer, String> ratingLinks(String email, EventEnvelope request) {
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);
        await().atMost(WAIT).until(() -> MailCatcherResource.catcher().messages().stream().anyMatch(m -> m.to().contains(email)));
        CaughtMail mail = MailCatcherResource.catcher().messages().stream().filter(m -> m.to().contains(email)).findFirst().orElseThrow();
        Matcher matcher = LINK.matcher(mail.textBody());
        Map<Integer, String> links = new java.util.HashMap<>();
        while (matcher.find()) {
            links.put(Integer.parseInt(matcher.group(1)), matcher.group(2));
        }
        assertEquals(5, links.size(), mail.textBody());
        assertEquals(5, Pattern.compile("href=\"http://localhost:8083/rate/").matcher(mail.htmlBody()).results().count(), mail.htmlBody());
        return links;
    }

    private static long ratingsOf(UUID notificationId) {
        return QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("providerMessageId", "rating:" + notificationId));
    }

    private static EventEnvelope feedbackRequest(UUID customerId, String email, String locale) {
        return request(customerId, Channel.EMAIL, "feedback-request",
                new Recipient("Mia Wong", email, null, null, locale, "Europe/London"), Map.of("customerName", "Mia Wong"));
    }

    @Test
    void shouldRecordNothingOnGetRecordOnPostAndChangeNothingOnASecondPost() {
        String email = "rate-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(email, null, Channel.EMAIL);
        EventEnvelope request = feedbackRequest(customerId, email, "en-GB");
        String four = ratingLinks(email, request).get(4);

        given().header("Authorization", "").when().get(four).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\">"))
                .body(containsString("name=\"comment\""))
                .body(containsString("4 out of 5"))
                .body(not(containsString("<script")));
        assertEquals(0, ratingsOf(notificationId(request)));

        given().header("Authorization", "").contentType("application/x-www-form-urlencoded")
                .formParam("comment", "Lovely <b>staff</b>, long wait")
                .when().post(four).then().statusCode(200).body(containsString("Thank you"));
        given().header("Authorization", "").contentType("application/x-www-form-urlencoded")
                .formParam("comment", "changed my mind")
                .when().post(four).then().statusCode(200).body(containsString("already have your rating of 4"));

        EventEnvelope rating = messagesFor(customerId, 1).get(0);
        var data = rating.data();
        assertEquals("RATING", data.path("kind").asText());
        assertEquals("EMAIL", data.path("channel").asText());
        assertEquals(4, data.path("rating").asInt());
        assertEquals("Lovely <b>staff</b>, long wait", data.path("body").asText());
        assertEquals(notificationId(request).toString(), data.path("inReplyTo").path("notificationId").asText());
        assertEquals(1, ratingsOf(notificationId(request)));
        InboundMessage stored = QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.<InboundMessage>find("providerMessageId", "rating:" + notificationId(request)).firstResult());
        assertEquals(4, stored.rating);
        assertEquals("Lovely <b>staff</b>, long wait", stored.body);
    }

    @Test
    void shouldShowTheRatingPageInTheCustomersLanguageAndRefuseForgedLinks() {
        String email = "avalia-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(email, null, Channel.EMAIL);
        EventEnvelope request = feedbackRequest(customerId, email, "pt-PT");
        String two = ratingLinks(email, request).get(2);

        given().header("Authorization", "").when().get(two).then().statusCode(200)
                .body(containsString("lang=\"pt\""))
                .body(containsString("A sua avalia\u00e7\u00e3o"))
                .body(containsString("2 em 5"));
        String forged = two.substring(0, two.lastIndexOf('.') + 1) + "AAAA";
        given().header("Authorization", "").when().get(forged).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", "").contentType("application/x-www-form-urlencoded").formParam("comment", "x")
                .when().post(forged).then().statusCode(403);
        assertEquals(0, ratingsOf(notificationId(request)));
    }
}
