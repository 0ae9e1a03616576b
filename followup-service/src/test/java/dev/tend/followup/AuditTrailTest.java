package dev.tend.followup;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.infra.DevTokens;
import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static dev.tend.followup.CustomerEventFixtures.household;
import static dev.tend.followup.CustomerEventFixtures.local;
import static dev.tend.followup.CustomerEventFixtures.visit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who worked a household's calls, recorded its feedback, changed a playbook; and what stays after erasure. */
@QuarkusTest
@FollowupServiceTestResource
class AuditTrailTest extends FollowupTestSupport {

    private static final String SAM_STAFF = AuthenticatedRequests.bearer(
            DevTokens.issue("sam", List.of("staff"), Duration.ofHours(1)));
    private static final String ADA_ADMIN = AuthenticatedRequests.bearer(
            DevTokens.issue("ada", List.of("admin"), Duration.ofHours(1)));

    @Inject
    DataSource dataSource;

    @Test
    void shouldAuditEachCallOutcomeSnoozeAndReassignmentUnderThePersonsSubject() {
        UUID customerId = householdWithACheckInCall();
        UUID call = task(customerId, "surgery-checkin").id;

        asSam().body(Map.of("until", "2026-06-02T15:00:00+01:00")).when().post("/worklist/" + call + "/snooze")
                .then().statusCode(200);
        asSam().body(Map.of("team", "nurses")).when().post("/worklist/" + call + "/assign").then().statusCode(200);
        asSam().header("X-Correlation-Id", "today-page-7").body(Map.of("outcome", "REACHED", "note", "Tom Hale says the wound is dry"))
                .when().post("/worklist/" + call + "/complete").then().statusCode(200);

        JsonPath audit = audit(SAM_STAFF, customerId);
        assertEquals(List.of("CALL_COMPLETED", "CALL_REASSIGNED", "CALL_SNOOZED"), audit.getList("items.action"));
        assertEquals(List.of("sam"), audit.getList("items.actor").stream().distinct().toList());
        assertEquals(List.of(call.toString()), audit.getList("items.details.taskId").stream().distinct().toList());
        assertEquals("REACHED", audit.getString("items[0].details.outcome"));
        assertEquals("today-page-7", audit.getString("items[0].correlationId"));
        assertEquals("nurses", audit.getString("items[1].details.team"));
        assertEquals("2026-06-02T14:00:00Z", audit.getString("items[2].details.until"));
        assertFalse(audit.prettify().contains("wound"), "the call's note stays out of the audit");
    }

    @Test
    void shouldAuditFeedbackRecordedByStaffAndPlaybookChangesByAdmins() {
        UUID customerId = householdWithACheckInCall();
        asSam().body(Map.of("rating", 2, "comment", "Tom waited an hour")).when().post("/customers/" + customerId + "/feedback")
                .then().statusCode(201);
        String key = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADA_ADMIN).contentType(ContentType.JSON)
                .body(PlaybookApiTest.playbook(key, "recheck-reminder", 180)).when().post("/playbooks").then().statusCode(201);
        given().header("Authorization", ADA_ADMIN).contentType(ContentType.JSON)
                .body(PlaybookApiTest.playbook(key, "recheck-reminder", 365)).when().put("/playbooks/" + key).then().statusCode(200);

        JsonPath feedback = audit(SAM_STAFF, customerId);
        assertEquals("FEEDBACK_RECORDED", feedback.getString("items[0].action"));
        assertEquals(2, feedback.getInt("items[0].details.rating"));
        assertFalse(feedback.prettify().contains("waited"), "the comment stays out of the audit");

        JsonPath playbooks = given().header("Authorization", ADA_ADMIN).queryParam("actor", "ada").queryParam("size", 200)
                .when().get("/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("key", key, "version", 2), playbooks.getMap("items.find { it.details.key == '" + key + "' }.details"));
        assertEquals(List.of("PLAYBOOK_CHANGED", "PLAYBOOK_CREATED"),
                playbooks.getList("items.findAll { it.details.key == '" + key + "' }.action"));
        given().header("Authorization", SAM_STAFF).queryParam("actor", "ada").when().get("/audit").then().statusCode(403)
                .body("field", equalTo("customerId"));
    }

    @Test
    void shouldKeepTheHouseholdsEntriesWhenItIsErasedAndRecordTheErasure() {
        UUID customerId = householdWithACheckInCall();
        UUID call = task(customerId, "surgery-checkin").id;
        asSam().body(Map.of("outcome", "REACHED")).when().post("/worklist/" + call + "/complete").then().statusCode(200);

        apply(new EventEnvelope(UUID.randomUUID(), "CustomerErased", 1, Instant.now(), customerId, "erase-" + customerId,
                Events.mapper().createObjectNode().put("customerId", customerId.toString()).put("erasedAt", Instant.now().toString())));

        assertTrue(tasks(customerId).isEmpty(), "the household's tasks are gone");
        JsonPath audit = audit(ADA_ADMIN, customerId);
        assertEquals(List.of("CUSTOMER_ERASED", "CALL_COMPLETED"), audit.getList("items.action"));
        assertEquals("system", audit.getString("items[0].actor"));
        assertEquals("erase-" + customerId, audit.getString("items[0].correlationId"),
                "the correlation id leads to customer-service's entry, which names who asked");
        assertEquals("sam", audit.getString("items[1].actor"));
    }

    @Test
    void shouldRefuseToChangeOrRemoveAnyAuditEntryInTheDatabaseItself() throws SQLException {
        UUID customerId = householdWithACheckInCall();
        asSam().body(Map.of("outcome", "VOICEMAIL")).when().post("/worklist/" + task(customerId, "surgery-checkin").id + "/complete")
                .then().statusCode(200);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String tampering : List.of(
                    "UPDATE audit_entry SET actor = 'mallory' WHERE customer_id = '" + customerId + "'",
                    "DELETE FROM audit_entry WHERE customer_id = '" + customerId + "'",
                    "TRUNCATE audit_entry")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(tampering), tampering);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) FollowupTask.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM audit_entry WHERE customer_id = :id AND actor = 'sam'")
                .setParameter("id", customerId).getSingleResult()).longValue());
        assertEquals(1, left);
    }

    private UUID householdWithACheckInCall() {
        setClock("2026-06-01T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).registered(), visit(customerId, null, "surgery", local("2026-06-01T10:00", LONDON), null).recorded());
        setClock("2026-06-02T09:00", LONDON);
        fireDue();
        return customerId;
    }

    private static RequestSpecification asSam() {
        return given().header("Authorization", SAM_STAFF).contentType(ContentType.JSON);
    }

    private static JsonPath audit(String as, UUID customerId) {
        return given().header("Authorization", as).queryParam("customerId", customerId.toString())
                .when().get("/audit").then().statusCode(200).extract().jsonPath();
    }
}
