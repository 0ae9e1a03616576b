package dev.tend.customer;

import dev.tend.infra.OidcStandIn;
import dev.tend.testsupport.AuthenticatedRequests;
import dev.tend.testsupport.OidcProviderResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * With an OIDC provider configured (found by discovery from its issuer URL), the service accepts the provider's
 * tokens with roles from the configured claim, still accepts the local key's, and refuses a token whose issuer it
 * does not know or whose signature does not verify.
 */
@QuarkusTest
@CustomerServiceTestResource
@WithTestResource(value = OidcProviderResource.class, initArgs = @ResourceArg(name = "roles-claim", value = "GROUPS"))
class OidcProviderTokensTest {

    private static final OidcStandIn PROVIDER = OidcProviderResource.standIn(OidcStandIn.RolesClaim.GROUPS);

    @Test
    void shouldAcceptAProviderTokenWithRolesFromItsGroupsClaim() {
        String integration = PROVIDER.accessToken(new OidcStandIn.Person("billing", "Billing system", List.of("integration")));
        given().header("Authorization", AuthenticatedRequests.bearer(integration)).when().get("/customers")
                .then().statusCode(200);
    }

    @Test
    void shouldApplyTheRolesOfAProviderTokenLikeAnyOther() {
        String staff = PROVIDER.accessToken(OidcProviderResource.DANA);
        // Staff may read households, but erasing one takes integration or admin.
        given().header("Authorization", AuthenticatedRequests.bearer(staff)).when().get("/customers")
                .then().statusCode(200);
        given().header("Authorization", AuthenticatedRequests.bearer(staff)).when().delete("/customers/" + java.util.UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldStillAcceptTheLocalKeysTokensNextToTheProvider() {
        given().header("Authorization", AuthenticatedRequests.bearerWith("integration")).when().get("/customers")
                .then().statusCode(200);
    }

    @Test
    void shouldRefuseATokenFromAProviderItDoesNotKnow() {
        try (OidcStandIn stranger = OidcStandIn.start(0, OidcProviderResource.DANA, OidcStandIn.RolesClaim.GROUPS)) {
            String token = stranger.accessToken(new OidcStandIn.Person("mallory", "Mallory", List.of("integration", "admin")));
            given().header("Authorization", AuthenticatedRequests.bearer(token)).when().get("/customers")
                    .then().statusCode(401).contentType("application/problem+json").body("field", equalTo("Authorization"));
        }
    }

    @Test
    void shouldRefuseAProviderTokenWhoseSignatureDoesNotVerify() {
        String genuine = PROVIDER.accessToken(OidcProviderResource.DANA);
        String[] parts = genuine.split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"staff\"", "\"integration\"");
        String tampered = parts[0] + "." + url.encodeToString(claims.getBytes()) + "." + parts[2];
        given().header("Authorization", AuthenticatedRequests.bearer(tampered)).when().get("/customers")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
