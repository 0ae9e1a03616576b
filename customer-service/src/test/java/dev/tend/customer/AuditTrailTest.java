package dev.tend.customer;

import dev.tend.infra.DevTokens;
import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who did what to a household: every write an integration or admin makes, erasure included, append-only. */
@QuarkusTest
@CustomerServiceTestResource
class AuditTrailTest {

    private static final String PRACTICE_SYSTEM = AuthenticatedRequests.bearer(
            DevTokens.issue("practice-system", List.of("integration"), Duration.ofHours(1)));
    private static final String ADA_ADMIN = AuthenticatedRequests.bearer(
            DevTokens.issue("ada", List.of("admin"), Duration.ofHours(1)));
    private static final String SAM_STAFF = AuthenticatedRequests.bearer(
            DevTokens.issue("sam", List.of("staff"), Duration.ofHours(1)));

    @Inject
    DataSource dataSource;

    @Test
    void shouldRecordEveryIntegrationWriteUnderItsSubjectWithTheCorrelationId() throws IOException {
        UUID customerId = UUID.fromString(asPracticeSystem().body(Fixtures.household("Audit Aoki")).when().post("/customers")
                .then().statusCode(201).extract().path("id"));
        Map<String, Object> changes = Fixtures.household("Audit Aoki");
        changes.remove("consents");
        asPracticeSystem().header("If-Match", "\"0\"").body(changes).when().put("/customers/" + customerId)
                .then().statusCode(200);
        asPracticeSystem().header("X-Correlation-Id", "consent-form-42").body(Map.of("granted", false, "source", "front desk"))
                .when().put("/customers/" + customerId + "/consents/SMS").then().statusCode(200);
        UUID petId = registerPet(customerId, "Kuma");
        UUID rehomed = registerPet(customerId, "Mochi");
        asPracticeSystem().header("If-Match", "\"0\"")
                .body(Map.of("name", "Kuma", "species", "Dog", "breed", "Shiba Inu", "birthDate", "2019-04-02"))
                .when().put("/pets/" + petId).then().statusCode(200);
        given().header("Authorization", PRACTICE_SYSTEM).contentType("image/jpeg").body(PetApiTest.jpeg())
                .when().put("/pets/" + petId + "/photo").then().statusCode(200);
        asPracticeSystem().when().post("/pets/" + rehomed + "/rehoming").then().statusCode(200);
        String visitId = asPracticeSystem().body(Fixtures.surgery(customerId, petId)).when().post("/visits")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> corrected = Fixtures.surgery(customerId, petId);
        corrected.put("version", 0);
        asPracticeSystem().body(corrected).when().put("/visits/" + visitId).then().statusCode(200);
        asPracticeSystem().body(Map.of("reason", "entered twice by Dr. Costa")).when().post("/visits/" + visitId + "/cancellation")
                .then().statusCode(200);
        asPracticeSystem().body(Map.of("diedOn", "2026-11-21")).when().post("/pets/" + petId + "/death").then().statusCode(200);

        JsonPath audit = audit(customerId);
        assertEquals(List.of("PET_DIED", "VISIT_CANCELLED", "VISIT_CORRECTED", "VISIT_RECORDED", "PET_REHOMED",
                "PET_PHOTO_UPLOADED", "PET_UPDATED", "PET_REGISTERED", "PET_REGISTERED", "CONSENT_CHANGED",
                "CUSTOMER_UPDATED", "CUSTOMER_REGISTERED"), audit.getList("items.action"), "newest first");
        assertEquals(List.of("practice-system"), audit.getList("items.actor").stream().distinct().toList());
        assertEquals(12, audit.getInt("total"));
        Map<String, Object> consent = audit.getMap("items.find { it.action == 'CONSENT_CHANGED' }");
        assertEquals("consent-form-42", consent.get("correlationId"));
        assertTrue(String.valueOf(consent.get("traceId")).matches("[0-9a-f]{32}"), "the request's trace: " + consent);
        assertEquals(Map.of("channel", "SMS", "granted", false), consent.get("details"));
        assertEquals(visitId, audit.getString("items.find { it.action == 'VISIT_CANCELLED' }.details.visitId"));
        assertFalse(audit.prettify().contains("Dr. Costa"), "free text (the cancellation reason) stays out of the audit");
    }

    @Test
    void shouldKeepTheHouseholdsEntriesAfterErasureWithNothingThatNamesThePerson() {
        UUID customerId = Fixtures.registerCustomer("Zelda Quist");
        given().header("Authorization", ADA_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("granted", true, "source", "phone call with Zelda"))
                .when().put("/customers/" + customerId + "/consents/POST").then().statusCode(200);

        given().header("Authorization", ADA_ADMIN).when().delete("/customers/" + customerId).then().statusCode(204);

        JsonPath audit = audit(customerId);
        assertEquals(List.of("CUSTOMER_ERASED", "CONSENT_CHANGED", "CUSTOMER_REGISTERED"), audit.getList("items.action"));
        assertEquals("ada", audit.getString("items[0].actor"), "the erasure itself is provable: who, and when");
        assertTrue(OffsetDateTime.parse(audit.getString("items[0].at")).toInstant().isAfter(Instant.now().minusSeconds(60)));
        String everything = audit.prettify();
        for (String personal : List.of("Zelda", "Quist", "zelda.quist@example.com", "7946", "Mill Lane", "BS1")) {
            assertFalse(everything.contains(personal), "the audit must not re-identify the erased household: " + personal);
        }
    }

    @Test
    void shouldRefuseToChangeOrRemoveAnyAuditEntryInTheDatabaseItself() throws SQLException {
        UUID customerId = Fixtures.registerCustomer("Append Only");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String tampering : List.of(
                    "UPDATE audit_entry SET actor = 'mallory' WHERE customer_id = '" + customerId + "'",
                    "DELETE FROM audit_entry WHERE customer_id = '" + customerId + "'",
                    "TRUNCATE audit_entry")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(tampering), tampering);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        given().header("Authorization", ADA_ADMIN).queryParam("customerId", customerId.toString())
                .when().get("/audit").then().statusCode(200)
                .body("items[0].actor", equalTo("tend-local-admin"))
                .body("items[0].action", equalTo("CUSTOMER_REGISTERED"));
    }

    @Test
    void shouldFindAPersonsActionsByActorAndTimeAndLetStaffReadOnlyAHousehold() {
        String subject = "audit-reader-" + UUID.randomUUID();
        String token = AuthenticatedRequests.bearer(DevTokens.issue(subject, List.of("integration"), Duration.ofHours(1)));
        Instant before = Instant.now().minusSeconds(1);
        UUID customerId = UUID.fromString(given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Fixtures.household("Actor Abe")).when().post("/customers")
                .then().statusCode(201).extract().path("id"));

        given().header("Authorization", ADA_ADMIN).queryParam("actor", subject).queryParam("from", before.toString())
                .when().get("/audit").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].customerId", equalTo(customerId.toString()));
        given().header("Authorization", ADA_ADMIN).queryParam("actor", subject).queryParam("to", before.toString())
                .when().get("/audit").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", SAM_STAFF).queryParam("customerId", customerId.toString())
                .when().get("/audit").then().statusCode(200).body("items[0].action", equalTo("CUSTOMER_REGISTERED"));

        given().header("Authorization", SAM_STAFF).when().get("/audit").then().statusCode(403)
                .contentType("application/problem+json").body("field", equalTo("customerId"));
        given().header("Authorization", PRACTICE_SYSTEM).queryParam("customerId", customerId.toString())
                .when().get("/audit").then().statusCode(403);
        given().header("Authorization", ADA_ADMIN).queryParam("from", "yesterday").when().get("/audit").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("from"));
        given().header("Authorization", ADA_ADMIN).queryParam("customerId", "not-a-uuid").when().get("/audit")
                .then().statusCode(400).body("field", equalTo("customerId"));
        given().header("Authorization", ADA_ADMIN).queryParam("from", "2026-11-27T10:00:00Z").queryParam("to", "2026-11-27T09:00:00Z")
                .when().get("/audit").then().statusCode(400).body("field", equalTo("to"));
        given().header("Authorization", ADA_ADMIN).queryParam("size", "500").when().get("/audit").then().statusCode(400)
                .body("field", equalTo("size"));
    }

    private static RequestSpecification asPracticeSystem() {
        return given().header("Authorization", PRACTICE_SYSTEM).contentType(ContentType.JSON);
    }

    private static UUID registerPet(UUID customerId, String name) {
        return UUID.fromString(asPracticeSystem()
                .body(Map.of("customerId", customerId, "name", name, "species", "Dog", "birthDate", "2019-04-02"))
                .when().post("/pets").then().statusCode(201).extract().path("id"));
    }

    private static JsonPath audit(UUID customerId) {
        return given().header("Authorization", ADA_ADMIN).queryParam("customerId", customerId.toString())
                .when().get("/audit").then().statusCode(200).extract().jsonPath();
    }
}
