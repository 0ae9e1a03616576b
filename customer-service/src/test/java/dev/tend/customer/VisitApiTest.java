package dev.tend.customer;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.customer.Visit;
import dev.tend.testsupport.EventSchemas;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@CustomerServiceTestResource
class VisitApiTest {

    @Test
    void shouldRecordOneVisitWhenTheSameRequestIsRetriedWithOneIdempotencyKey() {
        UUID customerId = Fixtures.registerCustomer("Hana Ito");
        UUID petId = Fixtures.registerPet(customerId, "Mochi");
        String key = "pms-visit-" + UUID.randomUUID();
        Set<String> ids = new HashSet<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            ids.add(given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(Fixtures.surgery(customerId, petId))
                    .when().post("/visits")
                    .then().statusCode(201).header("Location", notNullValue())
                    .extract().path("id"));
        }
        assertEquals(1, ids.size());
        given().queryParam("customerId", customerId).when().get("/visits").then().body("total", equalTo(1));

        Map<String, Object> different = Fixtures.surgery(customerId, petId);
        different.put("reason", "Something else");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(different)
                .when().post("/visits")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("Idempotency-Key"));

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.size() >= 3);
        assertEquals(1, events.stream().filter(e -> e.type().equals("VisitRecorded")).count());
    }

    @Test
    void shouldCarryTheImportFlagOfAVisitRecordedAsHistoryOnItsEvents() {
        UUID customerId = Fixtures.registerCustomer("Lin Mei");
        Map<String, Object> history = Fixtures.surgery(customerId, null);
        history.put("imported", true);
        String importedId = given().contentType(ContentType.JSON).body(history).when().post("/visits")
                .then().statusCode(201).body("imported", equalTo(true)).extract().path("id");
        String liveId = given().contentType(ContentType.JSON).body(Fixtures.surgery(customerId, null)).when().post("/visits")
                .then().statusCode(201).body("imported", equalTo(false)).extract().path("id");

        List<EventEnvelope> visits = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.stream().filter(e -> e.type().equals("VisitRecorded")).count() == 2).stream()
                .filter(e -> e.type().equals("VisitRecorded")).toList();
        EventEnvelope imported = visits.stream().filter(e -> e.data().path("visit").path("visitId").asText().equals(importedId))
                .findFirst().orElseThrow();
        EventEnvelope live = visits.stream().filter(e -> e.data().path("visit").path("visitId").asText().equals(liveId))
                .findFirst().orElseThrow();
        assertEquals(true, imported.data().path("visit").path("imported").asBoolean());
        assertEquals(false, live.data().path("visit").path("imported").asBoolean(false));
        EventSchemas.assertConforms(Topics.CUSTOMER_EVENTS, imported);
        EventSchemas.assertConforms(Topics.CUSTOMER_EVENTS, live);
    }

    @Test
    void shouldRejectARecheckBeforeTheVisitAndAPetOfAnotherHousehold() {
        UUID customerId = Fixtures.registerCustomer("Ivo Pranic");
        Map<String, Object> body = Fixtures.surgery(customerId, null);
        body.put("recheckDate", "2026-11-01");
        given().contentType(ContentType.JSON).body(body).when().post("/visits")
                .then().statusCode(400).body("field", equalTo("recheckDate"));

        UUID strangersPet = Fixtures.registerPet(Fixtures.registerCustomer("Jo Stranger"), "Nemo");
        given().contentType(ContentType.JSON).body(Fixtures.surgery(customerId, strangersPet)).when().post("/visits")
                .then().statusCode(400).body("field", equalTo("petId"));

        body = Fixtures.surgery(customerId, null);
        body.put("visitType", "haircut");
        given().contentType(ContentType.JSON).body(body).when().post("/visits")
                .then().statusCode(400).body("field", equalTo("visitType"));

        given().contentType(ContentType.JSON).body(Fixtures.surgery(UUID.randomUUID(), null)).when().post("/visits")
                .then().statusCode(404);
    }

    @Test
    void shouldCorrectThenCancelAVisitPublishingEachChange() {
        UUID customerId = Fixtures.registerCustomer("Kai Lund");
        UUID petId = Fixtures.registerPet(customerId, "Loki");
        String visitId = given().contentType(ContentType.JSON).body(Fixtures.surgery(customerId, petId))
                .when().post("/visits").then().statusCode(201).extract().path("id");

        Map<String, Object> corrected = Fixtures.surgery(customerId, petId);
        corrected.remove("customerId");
        corrected.put("recheckDate", "2026-12-11");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(corrected)
                .when().put("/visits/" + visitId)
                .then().statusCode(200).body("recheckDate", equalTo("2026-12-11"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "entered for the wrong household"))
                .when().post("/visits/" + visitId + "/cancellation")
                .then().statusCode(200).body("status", equalTo(Visit.CANCELLED));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/visits/" + visitId + "/cancellation")
                .then().statusCode(409);
        corrected.put("version", 1);
        given().contentType(ContentType.JSON).body(corrected).when().put("/visits/" + visitId)
                .then().statusCode(409);

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.size() >= 5);
        assertEquals(List.of("CustomerRegistered", "PetRegistered", "VisitRecorded", "VisitCorrected", "VisitCancelled"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals("entered for the wrong household", events.get(4).data().path("reason").asText());
    }
}
