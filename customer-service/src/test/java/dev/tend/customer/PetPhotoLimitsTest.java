package dev.tend.customer;

import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The open pet photo URLs are rate-limited per client address and per photo (429 problem+json with Retry-After); the
 * JSON API sends nosniff. Addresses come from X-Forwarded-For, as behind a deployment's proxy.
 */
@QuarkusTest
@CustomerServiceTestResource
@TestProfile(PetPhotoLimitsTest.Limited.class)
class PetPhotoLimitsTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tend.rate-limit.enabled", "true",
                    "%test.tend.rate-limit.enabled", "true",
                    "tend.rate-limit.per-address-requests", "3",
                    "tend.rate-limit.per-address-period", "1h",
                    "tend.rate-limit.per-key-requests", "2",
                    "tend.rate-limit.per-key-period", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void shouldLimitPhotoRequestsPerAddress() {
        for (int i = 0; i < 3; i++) {
            assertNotEquals(429, photo("192.0.2.1", UUID.randomUUID()).statusCode());
        }
        assertRefused(photo("192.0.2.1", UUID.randomUUID()));
        assertNotEquals(429, photo("192.0.2.2", UUID.randomUUID()).statusCode());
    }

    @Test
    void shouldLimitOnePhotoFromManyAddresses() {
        UUID pet = UUID.randomUUID();
        assertNotEquals(429, photo("192.0.2.11", pet).statusCode());
        assertNotEquals(429, photo("192.0.2.12", pet).statusCode());
        assertRefused(photo("192.0.2.13", pet));
    }

    @Test
    void shouldLeaveTheAuthenticatedApiUnlimitedAndSendNosniff() {
        for (int i = 0; i < 5; i++) {
            Response api = given().header("X-Forwarded-For", "192.0.2.21")
                    .header("Authorization", AuthenticatedRequests.bearerWith("integration")).get("/customers");
            assertEquals(200, api.statusCode());
            assertEquals("nosniff", api.header("X-Content-Type-Options"));
        }
    }

    private static Response photo(String address, UUID pet) {
        return given().header("X-Forwarded-For", address).header("Authorization", "").get("/pets/" + pet + "/photo");
    }

    private static void assertRefused(Response response) {
        assertEquals(429, response.statusCode(), response.asString());
        assertThat(response.contentType(), containsString("application/problem+json"));
        assertTrue(Integer.parseInt(response.header("Retry-After")) > 0);
    }
}
