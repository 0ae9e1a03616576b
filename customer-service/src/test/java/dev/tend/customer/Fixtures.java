package dev.tend.customer;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Request bodies and set-ups shared by customer-service tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Map<String, Object> household(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("emails", List.of(name.toLowerCase().replace(' ', '.') + "@example.com"));
        body.put("phones", List.of("020 7946 0018"));
        body.put("postalAddress", Map.of("line1", "12 Mill Lane", "city", "Bristol", "postalCode", "BS1 4DJ", "country", "GB"));
        body.put("timezone", "Europe/London");
        body.put("locale", "en-GB");
        body.put("preferredChannels", List.of("SMS", "EMAIL"));
        body.put("consents", List.of(Map.of("channel", "EMAIL", "granted", true), Map.of("channel", "SMS", "granted", true)));
        body.put("tags", List.of("key-client"));
        return body;
    }

    static UUID registerCustomer(String name) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(household(name))
                .when().post("/customers")
                .then().statusCode(201).extract().path("id"));
    }

    static UUID registerPet(UUID customerId, String name) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "name", name, "species", "Dog", "breed", "Labrador",
                        "birthDate", "2019-04-02"))
                .when().post("/pets")
                .then().statusCode(201).extract().path("id"));
    }

    static Map<String, Object> surgery(UUID customerId, UUID petId) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("petId", petId);
        body.put("visitType", "surgery");
        body.put("reason", "TPLO surgery");
        body.put("staffMember", "Dr. Rui Costa");
        body.put("visitedAt", "2026-11-20T10:00:00Z");
        body.put("recheckDate", "2026-12-04");
        return body;
    }
}
