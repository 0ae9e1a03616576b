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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@CustomerServiceTestResource
class CustomerApiTest {

    @Test
    void shouldRegisterCustomerWithNormalisedContactPointsAndPublishIt() {
        Map<String, Object> body = Fixtures.household("Ana Souza");
        body.put("emails", List.of("Ana.Souza@Example.com", "ana.souza@example.com"));
        String location = given().contentType(ContentType.JSON).body(body)
                .when().post("/customers")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("emails", contains("ana.souza@example.com"))
                .body("phones", contains("+442079460018"))
                .body("postalAddress.country", equalTo("GB"))
                .body("consents.channel", contains("EMAIL", "SMS"))
                .extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        given().when().get(location).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Ana Souza"));

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, id, Duration.ofSeconds(30),
                found -> !found.isEmpty());
        assertEquals(List.of("CustomerRegistered"), events.stream().map(EventEnvelope::type).toList());
        assertEquals("+442079460018", events.get(0).data().path("customer").path("phones").get(0).asText());
        assertEquals("registration", events.get(0).data().path("customer").path("consents").get(0).path("source").asText());
    }

    @Test
    void shouldUpdateWithIfMatchAndRejectAStaleUpdate() {
        UUID id = Fixtures.registerCustomer("Ben Okafor");
        Map<String, Object> changes = Fixtures.household("Ben Okafor");
        changes.remove("consents");
        changes.put("tags", List.of("key-client", "breeder"));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changes)
                .when().put("/customers/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("tags", contains("key-client", "breeder"));

        // Someone who read version 0 before that change must not overwrite it.
        changes.put("name", "Benjamin Okafor");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changes)
                .when().put("/customers/" + id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("version"));
        given().when().get("/customers/" + id).then().body("name", equalTo("Ben Okafor"));

        given().contentType(ContentType.JSON).body(changes)
                .when().put("/customers/" + id)
                .then().statusCode(428)
                .body("field", equalTo("If-Match"));

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, id, Duration.ofSeconds(30),
                found -> found.size() >= 2);
        assertEquals(List.of("CustomerRegistered", "CustomerUpdated"), events.stream().map(EventEnvelope::type).toList());
        assertEquals(1, events.get(1).data().path("customer").path("version").asLong());
    }

    @Test
    void shouldFindCustomersByNameEmailPhoneAndTagInPages() {
        String unique = "Zed" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = Fixtures.registerCustomer(unique + " Alpha");
        Fixtures.registerCustomer(unique + " Beta");

        given().queryParam("q", unique.toLowerCase()).queryParam("size", 1)
                .when().get("/customers")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(first.toString()));
        given().queryParam("q", unique.toLowerCase() + ".alpha@example").when().get("/customers")
                .then().body("total", equalTo(1));
        given().queryParam("q", "7946 0018").queryParam("tag", "key-client").when().get("/customers")
                .then().body("total", greaterThanOrEqualTo(2));
        given().queryParam("size", 500).when().get("/customers")
                .then().statusCode(400).body("field", equalTo("size"));
    }

    @Test
    void shouldRecordConsentChangesAndPublishOnlyRealChanges() {
        UUID id = Fixtures.registerCustomer("Cleo Marsh");
        given().contentType(ContentType.JSON).body(Map.of("granted", false, "source", "phone call"))
                .when().put("/customers/" + id + "/consents/SMS")
                .then().statusCode(200).body("granted", equalTo(false)).body("source", equalTo("phone call"));
        given().contentType(ContentType.JSON).body(Map.of("granted", false, "source", "phone call again"))
                .when().put("/customers/" + id + "/consents/SMS")
                .then().statusCode(200);
        given().when().get("/customers/" + id + "/consents")
                .then().body("find { it.channel == 'SMS' }.granted", equalTo(false));

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, id, Duration.ofSeconds(30),
                found -> found.size() >= 2);
        assertEquals(List.of("CustomerRegistered", "ConsentChanged"), events.stream().map(EventEnvelope::type).toList());
        given().contentType(ContentType.JSON).body(Map.of("granted", true, "source", "x"))
                .when().put("/customers/" + id + "/consents/CARRIER_PIGEON")
                .then().statusCode(404);
    }

    @Test
    void shouldNameTheInvalidFieldInEveryValidationError() {
        Map<String, Map<String, Object>> cases = Map.of(
                "timezone", with("timezone", "Mars/Olympus"),
                "locale", with("locale", "not a locale!"),
                "name", with("name", " "),
                "emails[0]", with("emails", List.of("not-an-email")),
                "phones[0]", with("phones", List.of("12")),
                "postalAddress.country", with("postalAddress", Map.of("line1", "1 Rue", "city", "Paris", "country", "XX")),
                "tags[0]", with("tags", List.of("Key Client")),
                "preferredChannels[0]", with("preferredChannels", List.of("FAX")));
        cases.forEach((field, body) -> given().contentType(ContentType.JSON).body(body)
                .when().post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field)));
    }

    @Test
    void shouldAnswerProblemsForUnknownCustomersAndBadBodies() {
        given().when().get("/customers/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Not found"));
        given().when().get("/customers/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/customers")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("name=x")
                .when().post("/customers")
                .then().statusCode(415).contentType("application/problem+json");
        given().when().get("/customers/" + UUID.randomUUID() + "/consents")
                .then().statusCode(404).body("detail", notNullValue());
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = Fixtures.household("Vic Field");
        body.put(field, value);
        return body;
    }
}
