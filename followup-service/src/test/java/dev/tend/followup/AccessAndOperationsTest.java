package dev.tend.followup;

import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Who may do what in followup-service, and what ops can see of its scheduler. */
@QuarkusTest
@FollowupServiceTestResource
class AccessAndOperationsTest extends FollowupTestSupport {

    @Test
    void shouldLetStaffWorkTheWorklistAndKeepOtherRolesOut() {
        given().header("Authorization", "").when().get("/worklist")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).when().get("/worklist").then().statusCode(200);
        given().header("Authorization", AuthenticatedRequests.bearerWith("integration")).when().get("/worklist")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", AuthenticatedRequests.bearerWith("integration"))
                .when().get("/customers/" + UUID.randomUUID() + "/timeline").then().statusCode(403);
    }

    @Test
    void shouldKeepPlaybookChangesToAdmins() {
        Map<String, Object> playbook = Map.of("key", "staff-made", "name", "Nope", "rules", java.util.List.of());
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).when().get("/playbooks").then().statusCode(200);
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).contentType(ContentType.JSON).body(playbook)
                .when().post("/playbooks").then().statusCode(403);
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).contentType(ContentType.JSON).body(playbook)
                .when().put("/playbooks/default-veterinary").then().statusCode(403);
    }

    @Test
    void shouldReportTheSchedulerInReadinessAndItsWorkInMetrics() {
        // Today at midday, so the thank-you is not held for the household's morning whatever the hour the test runs.
        setClock(java.time.LocalDate.now(java.time.ZoneId.of(LONDON)) + "T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(CustomerEventFixtures.customerRegistered(customerId, "Ops Olsen", "ops@example.com"),
                CustomerEventFixtures.visitRecorded(customerId,
                        java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusHours(3)));
        fireDue();
        given().header("Authorization", "").when().get("/q/health/ready")
                .then().statusCode(200).body("checks.name", hasItem("followup-scheduler"))
                .body("checks.find { it.name == 'followup-scheduler' }.status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", "").when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("tend_tasks_total{event=\"FIRED\""))
                .body(containsString("tend_tasks_due"))
                .body(containsString("tend_tasks_firing_lateness_seconds_bucket")));
    }
}
