package dev.tend.customer;

import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@CustomerServiceTestResource
class AccessControlTest {

    @Test
    void shouldRequireATokenForTheApiButNotForHealthOrMetrics() {
        given().header("Authorization", "").when().get("/customers")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("field", equalTo("Authorization"));
        given().header("Authorization", "").when().get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", "").when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void shouldLetIntegrationAndAdminInAndKeepStaffOutOfWrites() {
        given().header("Authorization", AuthenticatedRequests.bearerWith("integration")).when().get("/customers")
                .then().statusCode(200);
        given().header("Authorization", AuthenticatedRequests.bearerWith("admin")).when().get("/visits?customerId=" + UUID.randomUUID())
                .then().statusCode(200);
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).when().post("/pets/" + UUID.randomUUID() + "/death")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).contentType("application/json")
                .body("{\"name\":\"Staff Made\",\"timezone\":\"Europe/London\",\"locale\":\"en-GB\"}")
                .when().post("/customers").then().statusCode(403);
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).contentType("application/json")
                .body("{\"granted\":true}").when().put("/customers/" + UUID.randomUUID() + "/consents/EMAIL").then().statusCode(403);
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).when().delete("/customers/" + UUID.randomUUID())
                .then().statusCode(403);
    }

    /** The staff console reads households as the signed-in person, whose token carries only {@code staff}. */
    @Test
    void shouldLetStaffReadAHouseholdItsPetsVisitsAndConsents() {
        String staff = AuthenticatedRequests.bearerWith("staff");
        String customerId = Fixtures.registerCustomer("Read By Staff").toString();
        String petId = Fixtures.registerPet(UUID.fromString(customerId), "Pip").toString();

        given().header("Authorization", staff).when().get("/customers?q=Read By Staff")
                .then().statusCode(200).body("items[0].id", equalTo(customerId));
        given().header("Authorization", staff).when().get("/customers/" + customerId)
                .then().statusCode(200).body("name", equalTo("Read By Staff"));
        given().header("Authorization", staff).when().get("/customers/" + customerId + "/consents")
                .then().statusCode(200).body("find { it.channel == 'EMAIL' }.granted", equalTo(true));
        given().header("Authorization", staff).when().get("/customers/" + customerId + "/pets")
                .then().statusCode(200).body("[0].name", equalTo("Pip"));
        given().header("Authorization", staff).when().get("/pets/" + petId)
                .then().statusCode(200).body("name", equalTo("Pip"));
        given().header("Authorization", staff).when().get("/visits?customerId=" + customerId)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRejectAForgedToken() throws Exception {
        given().header("Authorization", "Bearer " + signedByAStranger()).when().get("/customers")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.jwt").when().get("/customers").then().statusCode(401);
    }

    @Test
    void shouldServeAPetPhotoUrlWithoutAToken() {
        given().header("Authorization", "").when().get("/pets/" + UUID.randomUUID() + "/photo").then().statusCode(404);
    }

    /** A well-formed token with every role, signed by a key the service has never seen. */
    private static String signedByAStranger() throws NoSuchAlgorithmException, java.security.GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var keys = generator.generateKeyPair();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String input = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes()) + "." + url.encodeToString(
                ("{\"iss\":\"https://tend.dev/local\",\"sub\":\"mallory\",\"upn\":\"mallory\",\"groups\":[\"admin\"],"
                        + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(input.getBytes());
        return input + "." + url.encodeToString(signature.sign());
    }
}
