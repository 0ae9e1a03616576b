package dev.tend.customer;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@CustomerServiceTestResource
class ErasureTest {

    @Test
    void shouldForgetTheHouseholdAndTellTheOtherServices() {
        UUID customerId = Fixtures.registerCustomer("Erin Gone");
        UUID petId = Fixtures.registerPet(customerId, "Ghost");
        String key = "erase-" + UUID.randomUUID();
        String visitId = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Fixtures.surgery(customerId, petId))
                .when().post("/visits").then().statusCode(201).extract().path("id");

        given().when().delete("/customers/" + customerId).then().statusCode(204);

        given().when().get("/customers/" + customerId).then().statusCode(404);
        given().when().get("/pets/" + petId).then().statusCode(404);
        given().when().get("/visits/" + visitId).then().statusCode(404);
        given().when().delete("/customers/" + customerId).then().statusCode(404);
        // The retried create no longer replays the erased customer's visit.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Fixtures.surgery(customerId, petId))
                .when().post("/visits").then().statusCode(404);

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.stream().anyMatch(e -> e.type().equals("CustomerErased")));
        EventEnvelope erased = events.get(events.size() - 1);
        assertEquals("CustomerErased", erased.type());
        assertFalse(erased.data().toString().contains("Erin"), "CustomerErased must carry no personal data");
        given().header("Authorization", dev.tend.testsupport.AuthenticatedRequests.bearerWith("staff"))
                .when().delete("/customers/" + UUID.randomUUID()).then().statusCode(403);
    }
}
