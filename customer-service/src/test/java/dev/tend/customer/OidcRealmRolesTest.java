package dev.tend.customer;

import dev.tend.infra.OidcStandIn;
import dev.tend.testsupport.AuthenticatedRequests;
import dev.tend.testsupport.OidcProviderResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;

/** A Keycloak-style provider: roles in {@code realm_access.roles}, read there because the claim path says so. */
@QuarkusTest
@CustomerServiceTestResource
@WithTestResource(value = OidcProviderResource.class, initArgs = @ResourceArg(name = "roles-claim", value = "REALM_ACCESS"))
class OidcRealmRolesTest {

    private static final OidcStandIn KEYCLOAK_LIKE = OidcProviderResource.standIn(OidcStandIn.RolesClaim.REALM_ACCESS);

    @Test
    void shouldReadRolesFromKeycloakRealmRolesWhenConfiguredTo() {
        String integration = KEYCLOAK_LIKE.accessToken(new OidcStandIn.Person("billing", "Billing system", List.of("integration")));
        given().header("Authorization", AuthenticatedRequests.bearer(integration)).when().get("/customers")
                .then().statusCode(200);
        String staff = KEYCLOAK_LIKE.accessToken(new OidcStandIn.Person("dana", "Dana Park", List.of("staff")));
        // Staff may read households, but erasing one takes integration or admin.
        given().header("Authorization", AuthenticatedRequests.bearer(staff)).when().get("/customers")
                .then().statusCode(200);
        given().header("Authorization", AuthenticatedRequests.bearer(staff)).when().delete("/customers/" + java.util.UUID.randomUUID())
                .then().statusCode(403);
    }
}
