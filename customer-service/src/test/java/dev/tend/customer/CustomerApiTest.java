package dev.tend.customer;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@CustomerServiceTestResource
class CustomerApiTest {

    static final Map<String, Object> BELLA_OWNER = Map.of(
            "name", "Ana Souza", "email", "ana@example.com", "timezone", "Europe/Lisbon", "locale", "pt-PT");

    static UUID registerCustomer() {
        String id = given().contentType(ContentType.JSON).body(BELLA_OWNER)
                .when().post("/customers")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    @Test
    void shouldRegisterCustomerAndPublishCustomerRegistered() {
        String location = given().contentType(ContentType.JSON).body(BELLA_OWNER)
                .when().post("/customers")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("name", equalTo("Ana Souza"))
                .body("timezone", equalTo("Europe/Lisbon"))
                .extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        given().when().get("/customers/" + id).then().statusCode(200).body("email", equalTo("ana@example.com"));

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, id, Duration.ofSeconds(30),
                found -> !found.isEmpty());
        assertEquals(1, events.size());
        assertEquals("CustomerRegistered", events.get(0).type());
        assertEquals("Ana Souza", events.get(0).data().path("customer").path("name").asText());
    }

    @Test
    void shouldRecordVisitAndPublishVisitRecordedAfterCustomerRegistered() {
        UUID customerId = registerCustomer();
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "visitType", "surgery", "reason", "TPLO surgery",
                        "staffMember", "Dr. Rui Costa", "visitedAt", "2026-11-20T10:00:00Z", "recheckDate", "2026-12-04"))
                .when().post("/visits")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("visitType", equalTo("surgery"));

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.size() >= 2);
        assertEquals(List.of("CustomerRegistered", "VisitRecorded"), events.stream().map(EventEnvelope::type).toList());
        assertEquals("2026-12-04", events.get(1).data().path("visit").path("recheckDate").asText());
    }

    @Test
    void shouldRejectUnknownTimezoneNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Ana", "timezone", "Mars/Olympus", "locale", "en"))
                .when().post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("timezone"));
    }

    @Test
    void shouldRejectMissingNameNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("timezone", "Europe/Lisbon", "locale", "en"))
                .when().post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("name"));
    }

    @Test
    void shouldRejectRecheckBeforeTheVisit() {
        UUID customerId = registerCustomer();
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "visitType", "surgery",
                        "visitedAt", "2026-11-20T10:00:00Z", "recheckDate", "2026-11-01"))
                .when().post("/visits")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("recheckDate"));
    }

    @Test
    void shouldAnswerUnknownCustomerWithNotFoundProblem() {
        given().when().get("/customers/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"));
    }
}
