package dev.tend.systemtests;

import dev.tend.infra.TendSystem;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer's email address, phone number and postal address, and what they write to the clinic, never reach a
 * service's log.
 */
class LogPrivacyIT {

    @Test
    void shouldKeepContactDetailsOutOfEveryServiceLog() throws IOException {
        TendSystem system = RunningSystem.get();
        String email = "private-" + UUID.randomUUID() + "@example.com";
        String street = "17 Secret Orchard Road";
        String customerId = given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Priya Vance", "emails", List.of(email), "phones", List.of("+442079460018"),
                        "postalAddress", Map.of("line1", street, "city", "Leeds", "postalCode", "LS1 1AA", "country", "GB"),
                        "timezone", "Europe/London", "locale", "en-GB",
                        "consents", List.of(Map.of("channel", "EMAIL", "granted", true))))
                .when().post("/customers").then().statusCode(201).extract().path("id");
        given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "visitType", "dental", "reason", "a scale and polish",
                        "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()))
                .when().post("/visits").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                system.mailCatcher().messages().stream().anyMatch(m -> m.to().contains(email)));
        // What the customer writes back, by text and by email, is read and stored, and never logged.
        String secretText = "my door code is 4417 " + UUID.randomUUID();
        String secretReply = "the spare key is under the blue pot " + UUID.randomUUID();
        system.smsStandIn().textIn(system.notificationService().baseUrl() + "/webhooks/twilio/inbound",
                "+442079460018", TendSystem.SMS_SENDER, secretText);
        String replyTo = system.mailCatcher().messages().stream().filter(m -> m.to().contains(email)).findFirst()
                .orElseThrow().headers().get("Reply-To").get(0);
        system.mailCatcher().deliverToReplyMailbox(("From: " + email + "\r\nTo: " + replyTo
                + "\r\nSubject: Re: thanks\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\n\r\n"
                + secretReply + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(system.notificationService().baseUrl())
                .header("Authorization", RunningSystem.ALL_ROLES)
                .when().get("/customers/" + customerId + "/messages").then().statusCode(200)
                .extract().<List<String>>path("items.body").stream()
                .anyMatch(body -> body != null && body.contains(secretReply)));

        List<Path> logs;
        try (Stream<Path> files = Files.list(system.customerService().logFile().getParent())) {
            logs = files.filter(f -> f.toString().endsWith(".log")).toList();
        }
        assertTrue(logs.size() >= 3, "expected the three services' logs, found " + logs);
        for (Path log : logs) {
            String text = Files.readString(log);
            assertFalse(text.contains(email), log + " holds an email address");
            assertFalse(text.contains("442079460018"), log + " holds a phone number");
            assertFalse(text.contains(street), log + " holds a postal address");
            assertFalse(text.contains(secretText), log + " holds a texted message's body");
            assertFalse(text.contains(secretReply), log + " holds an emailed reply's body");
        }
    }
}
