package dev.tend.customer;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.testsupport.EventSchemas;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@CustomerServiceTestResource
class PetApiTest {

    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void shouldRegisterAPetUploadItsPhotoAndServeItBack() throws IOException {
        UUID customerId = Fixtures.registerCustomer("Dora Lind");
        UUID petId = Fixtures.registerPet(customerId, "Rex");
        byte[] photo = jpeg();

        given().contentType("image/jpeg").body(photo)
                .when().put("/pets/" + petId + "/photo")
                .then().statusCode(200)
                .body("photoUrl", endsWith("/pets/" + petId + "/photo"));
        byte[] served = given().when().get("/pets/" + petId + "/photo")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(photo, served);

        given().when().get("/customers/" + customerId + "/pets")
                .then().body("$", hasSize(1)).body("[0].species", equalTo("dog"));

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.size() >= 3);
        assertEquals(List.of("CustomerRegistered", "PetRegistered", "PetUpdated"), events.stream().map(EventEnvelope::type).toList());
        assertEquals("http://localhost:8081/pets/" + petId + "/photo",
                events.get(2).data().path("pet").path("photoUrl").asText());
    }

    @Test
    void shouldRejectPhotosThatAreNotWhatTheyClaimOrTooLarge() throws IOException {
        UUID petId = Fixtures.registerPet(Fixtures.registerCustomer("Eli Park"), "Mog");
        given().contentType("image/png").body(jpeg())
                .when().put("/pets/" + petId + "/photo")
                .then().statusCode(415).contentType("application/problem+json").body("field", equalTo("Content-Type"));
        given().contentType("image/jpeg").body("GIF89a not really".getBytes())
                .when().put("/pets/" + petId + "/photo")
                .then().statusCode(415).body("field", equalTo("photo"));
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        given().contentType("image/jpeg").body(huge)
                .when().put("/pets/" + petId + "/photo")
                .then().statusCode(413).body("field", equalTo("photo"));
        given().when().get("/pets/" + petId + "/photo").then().statusCode(404);
    }

    @Test
    void shouldRecordADeathOnceAndPublishPetDied() {
        UUID customerId = Fixtures.registerCustomer("Fay Moss");
        UUID petId = Fixtures.registerPet(customerId, "Bella");
        given().contentType(ContentType.JSON).body(Map.of("diedOn", LocalDate.now().plusDays(2).toString()))
                .when().post("/pets/" + petId + "/death")
                .then().statusCode(400).body("field", equalTo("diedOn"));
        given().contentType(ContentType.JSON).body(Map.of("diedOn", "2026-11-01"))
                .when().post("/pets/" + petId + "/death")
                .then().statusCode(200).body("status", equalTo("deceased")).body("diedOn", equalTo("2026-11-01"));
        given().contentType(ContentType.JSON).body(Map.of("diedOn", "2026-11-01"))
                .when().post("/pets/" + petId + "/death")
                .then().statusCode(409);

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.size() >= 3);
        assertEquals("PetDied", events.get(2).type());
        assertEquals("deceased", events.get(2).data().path("pet").path("status").asText());
    }

    @Test
    void shouldCorrectAPetWithIfMatchAndRehomeIt() {
        UUID petId = Fixtures.registerPet(Fixtures.registerCustomer("Gil Roy"), "Pip");
        Map<String, Object> changes = Map.of("name", "Pippa", "species", "cat", "birthDate", "2020-02-29");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changes)
                .when().put("/pets/" + petId)
                .then().statusCode(200).body("name", equalTo("Pippa")).header("ETag", equalTo("\"1\""));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changes)
                .when().put("/pets/" + petId)
                .then().statusCode(409);
        given().when().post("/pets/" + petId + "/rehoming").then().statusCode(200).body("status", equalTo("rehomed"));
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", UUID.randomUUID(), "name", "Ghost", "species", "dog"))
                .when().post("/pets")
                .then().statusCode(404);
    }

    @Test
    void shouldRecordAPetsSexWhenKnownSoMessagesCanSayHerRecheck() {
        UUID customerId = Fixtures.registerCustomer("Ana Souza");
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "name", "Bella", "species", "dog", "sex", "female"))
                .when().post("/pets")
                .then().statusCode(201).body("sex", equalTo("female"));
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "name", "Pip", "species", "cat", "sex", "f"))
                .when().post("/pets")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("sex"));

        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.CUSTOMER_EVENTS, customerId, Duration.ofSeconds(30),
                found -> found.size() >= 2);
        assertEquals("female", events.get(1).data().path("pet").path("sex").asText());
        events.forEach(event -> EventSchemas.assertConforms(Topics.CUSTOMER_EVENTS, event));
    }
}
