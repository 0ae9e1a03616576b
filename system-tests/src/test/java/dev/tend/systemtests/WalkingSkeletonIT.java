package dev.tend.systemtests;

import dev.tend.infra.CaughtMail;
import dev.tend.infra.TendSystem;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A visit posted to customer-service becomes, through Kafka and the three services running as separate
 * processes, an email in the SMTP catcher.
 */
class WalkingSkeletonIT {

    @Test
    void shouldTurnARecordedVisitIntoAnEmailInTheCatcher() {
        TendSystem system = RunningSystem.get();
        String address = "skeleton-" + UUID.randomUUID() + "@example.com";

        String customerId = given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Noor Haddad", "emails", List.of(address), "timezone", "Europe/Amsterdam",
                        "locale", "nl-NL", "consents", List.of(Map.of("channel", "EMAIL", "granted", true))))
                .when().post("/customers")
                .then().statusCode(201).extract().path("id");

        given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "visitType", "wellness", "reason", "a vaccination",
                        "staffMember", "Dr. Eva Jansen",
                        "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()))
                .when().post("/visits")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(system, address).size() == 1);
        CaughtMail mail = mailTo(system, address).get(0);
        assertEquals("Thank you for your visit today", mail.subject());
        assertTrue(mail.textBody().contains("Noor Haddad") && mail.textBody().contains("a vaccination"), mail.textBody());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(system.followupService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                        .when().get("/customers/" + customerId + "/tasks")
                        .then().statusCode(200)
                        .body("[0].status", equalTo("FIRED"))
                        .body("[0].deliveryStatus", equalTo("SENT")));
    }

    private static List<CaughtMail> mailTo(TendSystem system, String address) {
        return system.mailCatcher().messages().stream().filter(m -> m.to().contains(address)).toList();
    }
}
