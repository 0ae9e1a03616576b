package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.EventPayload;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.DevTokens;
import dev.tend.testsupport.AuthenticatedRequests;
import dev.tend.testsupport.KafkaTestClient;
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

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static dev.tend.notification.InboundSmsTest.text;
import static dev.tend.notification.InboundSmsTest.textIn;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who answered a household, linked its message, approved its card, changed a template; what stays after erasure. */
@QuarkusTest
@NotificationServiceTestResource
class AuditTrailTest {

    private static final String SAM_STAFF = AuthenticatedRequests.bearer(
            DevTokens.issue("sam", List.of("staff"), Duration.ofHours(1)));
    private static final String ADA_ADMIN = AuthenticatedRequests.bearer(
            DevTokens.issue("ada", List.of("admin"), Duration.ofHours(1)));

    @Inject
    DataSource dataSource;

    @Test
    void shouldAuditAStaffAnswerOnceAndALinkedMessageUnderThePersonsSubject() {
        UUID customerId = household(null, "+447911126201", Channel.SMS);
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            asSam().header("Idempotency-Key", key).body(Map.of("channel", "SMS", "body", "Biscuit's stitches come out Friday"))
                    .when().post("/customers/" + customerId + "/messages").then().statusCode(201);
        }
        textIn(text("+447911126202", "This is Mia's work phone")).statusCode(200);
        String messageId = given().when().get("/inbound-messages?status=UNMATCHED&size=200").then().statusCode(200)
                .extract().path("items.find { it.from == '+447911126202' }.id");
        asSam().body(Map.of("customerId", customerId)).when().post("/inbound-messages/" + messageId + "/link")
                .then().statusCode(200);

        JsonPath audit = audit(SAM_STAFF, customerId);
        assertEquals(List.of("INBOUND_MESSAGE_LINKED", "MESSAGE_SENT"), audit.getList("items.action"),
                "a retried send is one action");
        assertEquals(List.of("sam"), audit.getList("items.actor").stream().distinct().toList());
        assertEquals(messageId, audit.getString("items[0].details.messageId"));
        assertEquals("SMS", audit.getString("items[1].details.channel"));
        String recorded = audit.prettify();
        for (String personal : List.of("stitches", "work phone", "7911126")) {
            assertFalse(recorded.contains(personal), "message texts and numbers stay out of the audit: " + personal);
        }
    }

    @Test
    void shouldAuditTemplateChangesAndEachHouseholdsPrintApprovalByTheAdmin() {
        String templateKey = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        asAda().body(Map.of("text", "Hi {customerName}, see you soon")).when().put("/templates/SMS/" + templateKey + "/default")
                .then().statusCode(201);
        asAda().when().delete("/templates/SMS/" + templateKey + "/default").then().statusCode(204);
        JsonPath templates = given().header("Authorization", ADA_ADMIN).queryParam("actor", "ada").queryParam("size", 200)
                .when().get("/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("TEMPLATE_REMOVED", "TEMPLATE_CHANGED"),
                templates.getList("items.findAll { it.details.templateKey == '" + templateKey + "' }.action"));
        assertEquals(Map.of("channel", "SMS", "templateKey", templateKey, "locale", "default", "version", 0),
                templates.getMap("items.find { it.action == 'TEMPLATE_CHANGED' && it.details.templateKey == '" + templateKey + "' }.details"));

        UUID customerId = household(null, null, Channel.POST);
        EventEnvelope card = request(customerId, Channel.POST, "sympathy-card",
                new Recipient("Mia Wong", null, null, Fixtures.ADDRESS, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "petName", "Biscuit"));
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, card);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/notifications/" + notificationId(card))
                .then().statusCode(200).body("status", equalTo("PENDING")));
        given().when().post("/print-jobs").then().statusCode(201);
        String job = given().when().get("/notifications/" + notificationId(card)).then().statusCode(200)
                .body("status", equalTo("PRINTING")).extract().path("printJobId");
        asAda().when().post("/print-jobs/" + job + "/approve").then().statusCode(200);

        JsonPath audit = audit(ADA_ADMIN, customerId);
        assertEquals(List.of("PRINT_JOB_APPROVED"), audit.getList("items.action"));
        assertEquals("ada", audit.getString("items[0].actor"));
        assertEquals(job, audit.getString("items[0].details.printJobId"));
    }

    @Test
    void shouldKeepTheHouseholdsEntriesWhenItIsErasedAndRecordTheErasure() {
        UUID customerId = household(null, "+447911126203", Channel.SMS);
        asSam().body(Map.of("channel", "SMS", "body", "Your results are in")).when().post("/customers/" + customerId + "/messages")
                .then().statusCode(201);

        KafkaTestClient.send(Topics.CUSTOMER_EVENTS, new EventEnvelope(UUID.randomUUID(), "CustomerErased",
                EventPayload.SCHEMA_VERSION, Instant.now(), customerId, "erasure-" + customerId, Events.mapper().createObjectNode()
                .put("customerId", customerId.toString()).put("erasedAt", Instant.now().toString())));

        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of("CUSTOMER_ERASED", "MESSAGE_SENT"),
                audit(ADA_ADMIN, customerId).getList("items.action")));
        JsonPath audit = audit(ADA_ADMIN, customerId);
        assertEquals("system", audit.getString("items[0].actor"));
        assertEquals("erasure-" + customerId, audit.getString("items[0].correlationId"));
        assertEquals("sam", audit.getString("items[1].actor"));
        assertFalse(audit.prettify().contains("7911126203"));
    }

    @Test
    void shouldRefuseToChangeOrRemoveAnyAuditEntryInTheDatabaseItself() throws SQLException {
        UUID customerId = household(null, "+447911126204", Channel.SMS);
        asSam().body(Map.of("channel", "SMS", "body", "Hello")).when().post("/customers/" + customerId + "/messages")
                .then().statusCode(201);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String tampering : List.of(
                    "UPDATE audit_entry SET actor = 'mallory' WHERE customer_id = '" + customerId + "'",
                    "DELETE FROM audit_entry WHERE customer_id = '" + customerId + "'",
                    "TRUNCATE audit_entry")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(tampering), tampering);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        given().header("Authorization", SAM_STAFF).queryParam("customerId", customerId.toString()).when().get("/audit")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].actor", equalTo("sam"));
    }

    private static RequestSpecification asSam() {
        return given().header("Authorization", SAM_STAFF).contentType(ContentType.JSON);
    }

    private static RequestSpecification asAda() {
        return given().header("Authorization", ADA_ADMIN).contentType(ContentType.JSON);
    }

    private static JsonPath audit(String as, UUID customerId) {
        return given().header("Authorization", as).queryParam("customerId", customerId.toString())
                .when().get("/audit").then().statusCode(200).extract().jsonPath();
    }
}
