package dev.tend.systemtests;

import dev.tend.infra.CaughtMail;
import dev.tend.infra.TendSystem;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Journey 6: a practice system that retries — the same visit POSTed five times with one Idempotency-Key — makes
 * one visit, one set of follow-ups, and one message per step.
 */
class RetriedVisitIT {

    @Test
    void shouldMakeOneVisitOnePlanAndOneMessageFromFiveRetries() {
        TendSystem system = RunningSystem.get();
        String address = "retry-" + UUID.randomUUID() + "@example.com";
        String customerId = given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Rita Retry", "emails", List.of(address), "timezone", "Europe/London", "locale", "en-GB",
                        "consents", List.of(Map.of("channel", "EMAIL", "granted", true))))
                .when().post("/customers").then().statusCode(201).extract().path("id");
        Map<String, Object> visit = Map.of("customerId", customerId, "visitType", "wellness", "reason", "a booster",
                "staffMember", "Dr. Eve Stone", "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString());
        String key = "pms-" + UUID.randomUUID();

        Set<String> visitIds = new HashSet<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            visitIds.add(given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                    .header("Idempotency-Key", key).contentType(ContentType.JSON).body(visit)
                    .when().post("/visits").then().statusCode(201).extract().path("id"));
        }
        assertEquals(1, visitIds.size(), "one visit: " + visitIds);
        given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .queryParam("customerId", customerId).when().get("/visits").then().body("total", equalTo(1));

        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(system, address).size() == 1);
        List<String> rules = given().baseUri(system.followupService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .when().get("/customers/" + customerId + "/tasks").then().statusCode(200).extract().path("rule");
        assertEquals(new HashSet<>(rules).size(), rules.size(), "each playbook step planned once: " + rules);
        // Whatever else is due later, nothing arrives twice: give a duplicate time to show up.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> mailTo(system, address).size() == 1);
    }

    private static List<CaughtMail> mailTo(TendSystem system, String address) {
        return system.mailCatcher().messages().stream().filter(m -> m.to().contains(address)).toList();
    }
}
