package dev.tend.followup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Playbooks over REST: list, create, update as a new version, validate, dry-run. */
@QuarkusTest
@FollowupServiceTestResource
class PlaybookApiTest extends FollowupTestSupport {

    static Map<String, Object> playbook(String key, String template, int days) {
        return Map.of("key", key, "name", "Dental", "rules", List.of(Map.of(
                "key", "dental-recall",
                "trigger", Map.of("event", "VISIT_RECORDED", "visitTypes", List.of("dental")),
                "steps", List.of(Map.of("key", "reminder", "channels", List.of("EMAIL"), "templateKey", template,
                        "priority", "CLINICAL", "timing", Map.of("anchor", "EVENT", "days", days, "at", "09:30"))))));
    }

    @Test
    void shouldSeedTheDefaultVeterinaryPlaybook() {
        given().when().get("/playbooks/default-veterinary")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("definition.rules.key", hasItems("visit-thank-you", "surgery-checkin", "recheck", "feedback",
                        "pet-died", "key-client", "pet-birthday"));
        given().when().get("/playbooks").then().statusCode(200).body("key", hasItem("default-veterinary"));
    }

    @Test
    void shouldCreateAPlaybookAndSaveEachUpdateAsANewVersion() {
        String key = "dental-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(playbook(key, "recheck-reminder", 180))
                .when().post("/playbooks")
                .then().statusCode(201).header("Location", containsString("/playbooks/" + key)).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(playbook(key, "recheck-reminder", 180))
                .when().post("/playbooks").then().statusCode(409);

        given().contentType(ContentType.JSON).body(playbook(key, "recheck-reminder", 365))
                .when().put("/playbooks/" + key)
                .then().statusCode(200).body("version", equalTo(2));

        given().when().get("/playbooks/" + key).then().statusCode(200)
                .body("version", equalTo(2)).body("definition.rules[0].steps[0].timing.days", equalTo(365));
        given().when().get("/playbooks/" + key + "/versions").then().statusCode(200).body("version", equalTo(List.of(1, 2)));
        given().when().get("/playbooks/" + key + "/versions/1").then().statusCode(200)
                .body("definition.rules[0].steps[0].timing.days", equalTo(180));
        given().when().get("/playbooks/nope-" + key).then().statusCode(404);
    }

    @Test
    void shouldRejectAnInvalidPlaybookNamingTheField() {
        given().contentType(ContentType.JSON).body(playbook("dental-bad", "no-such-template", 1))
                .when().post("/playbooks")
                .then().statusCode(400)
                .body("field", equalTo("rules[0].steps[0].templateKey"));

        given().contentType(ContentType.JSON).body(Map.of("key", "x", "rules", List.of(Map.of("key", "r",
                        "trigger", Map.of("event", "SOMETHING")))))
                .when().post("/playbooks/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("violations[0].field", equalTo("rules[0].trigger.event"));

        given().contentType(ContentType.JSON).body(Map.of("key", "calls", "rules", List.of(Map.of("key", "r",
                        "trigger", Map.of("event", "VISIT_RECORDED"),
                        "steps", List.of(Map.of("key", "s", "channels", List.of("PHONE", "SMS"), "templateKey", "recheck-reminder",
                                "priority", "CLINICAL", "timing", Map.of("anchor", "RECHECK_DATE", "days", -2)))))))
                .when().post("/playbooks/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("violations.field", hasItems("rules[0].steps[0].channels", "rules[0].steps[0].timing.anchor"));

        given().contentType(ContentType.JSON).body(playbook("dental-ok", "recheck-reminder", 1))
                .when().post("/playbooks/validate")
                .then().statusCode(200).body("valid", equalTo(true)).body("violations", hasSize(0));
    }

    @Test
    void shouldRejectAFreshnessLimitThatCannotApplyAndACheerfulStepClaimingToFitABereavement() {
        given().contentType(ContentType.JSON).body(Map.of("key", "care", "rules", List.of(Map.of("key", "r",
                        "trigger", Map.of("event", "VISIT_RECORDED", "hasRecheckDate", true),
                        "steps", List.of(
                                Map.of("key", "a", "channels", List.of("SMS"), "templateKey", "recheck-reminder", "priority", "CLINICAL",
                                        "timing", Map.of("anchor", "RECHECK_DATE", "days", -2, "freshFor", "P3D")),
                                Map.of("key", "b", "channels", List.of("EMAIL"), "templateKey", "feedback-request", "priority", "FEEDBACK",
                                        "timing", Map.of("anchor", "EVENT", "freshFor", "-PT1H"), "fitsBereavement", true))))))
                .when().post("/playbooks/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("violations.field", equalTo(List.of("rules[0].steps[0].timing.freshFor",
                        "rules[0].steps[1].timing.freshFor", "rules[0].steps[1].fitsBereavement")));

        given().when().get("/playbooks/default-veterinary").then().statusCode(200)
                .body("definition.rules.find { it.key == 'visit-thank-you' }.steps[0].timing.freshFor", notNullValue())
                .body("definition.rules.find { it.key == 'feedback' }.steps[0].timing.freshFor", notNullValue())
                .body("definition.rules.find { it.key == 'pet-died' }.steps.fitsBereavement", equalTo(List.of(true, true)));
    }

    @Test
    void shouldDryRunWhatAVisitWouldProduceWithoutSavingAnything() {
        setClock("2026-03-06T16:00", LONDON);
        given().contentType(ContentType.JSON)
                .body(Map.of("visit", Map.of("visitType", "surgery", "visitedAt", "2026-03-06T15:00:00Z", "recheckDate", "2026-03-20")))
                .when().post("/playbooks/default-veterinary/dry-run")
                .then().statusCode(200)
                .body("templateKey", equalTo(List.of("visit-thank-you", "surgery-checkin", "recheck-postcard",
                        "recheck-reminder", "feedback-request")))
                .body("find { it.templateKey == 'surgery-checkin' }.dueAt", equalTo("2026-03-09T09:00:00Z"))
                .body("find { it.templateKey == 'recheck-reminder' }.dueLocal", containsString("2026-03-18T10:00"))
                .body("status", everyItemIs("PENDING"));

        given().contentType(ContentType.JSON).body(Map.of("visit", Map.of("visitType", "surgery")))
                .when().post("/playbooks/default-veterinary/dry-run")
                .then().statusCode(400).body("field", equalTo("visit.visitedAt"));
    }

    @Test
    void shouldRefuseARequestWithoutAToken() {
        given().header("Authorization", "").when().get("/worklist").then().statusCode(401);
        given().header("Authorization", "").when().get("/playbooks").then().statusCode(401);
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
