package dev.tend.customer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.testsupport.EventSchemas;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What customer-service puts on its topic is what the published JSON Schema tells outside consumers. */
@QuarkusTest
@CustomerServiceTestResource
class EventSchemaTest {

    @Test
    void shouldProduceEveryEventTypeAsTheSchemaDocumentsIt() throws IOException {
        UUID customerId = Fixtures.registerCustomer("Schema Sato");
        Map<String, Object> changes = Fixtures.household("Schema Sato");
        changes.remove("consents");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changes)
                .when().put("/customers/" + customerId).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("granted", true, "source", "front desk"))
                .when().put("/customers/" + customerId + "/consents/POST").then().statusCode(200);
        UUID petId = Fixtures.registerPet(customerId, "Taro");
        given().contentType("image/jpeg").body(PetApiTest.jpeg()).when().put("/pets/" + petId + "/photo").then().statusCode(200);
        String visitId = given().contentType(ContentType.JSON).body(Fixtures.surgery(customerId, petId))
                .when().post("/visits").then().statusCode(201).extract().path("id");
        Map<String, Object> corrected = Fixtures.surgery(customerId, petId);
        corrected.put("version", 0);
        given().contentType(ContentType.JSON).body(corrected).when().put("/visits/" + visitId).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reason", "duplicate entry"))
                .when().post("/visits/" + visitId + "/cancellation").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("diedOn", "2026-11-21"))
                .when().post("/pets/" + petId + "/death").then().statusCode(200);

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.size() >= 9);
        Set<String> types = new TreeSet<>();
        for (EventEnvelope event : events) {
            EventSchemas.assertConforms(Topics.CUSTOMER_EVENTS, event);
            types.add(event.type());
        }
        assertEquals(new TreeSet<>(List.of("CustomerRegistered", "CustomerUpdated", "ConsentChanged", "PetRegistered",
                "PetUpdated", "PetDied", "VisitRecorded", "VisitCorrected", "VisitCancelled")), types);
    }

    @Test
    void shouldRejectARecordThatBreaksTheContract() throws IOException {
        UUID customerId = Fixtures.registerCustomer("Schema Broken");
        EventEnvelope event = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> !found.isEmpty()).get(0);
        ObjectNode data = (ObjectNode) event.data().deepCopy();
        ((ObjectNode) data.path("customer")).put("phones", "not a list");
        EventEnvelope broken = new EventEnvelope(event.eventId(), event.type(), event.schemaVersion(), event.occurredAt(),
                event.customerId(), event.correlationId(), data);
        assertThrows(AssertionError.class, () -> EventSchemas.assertConforms(Topics.CUSTOMER_EVENTS, broken));
    }
}
