package dev.tend.testsupport;

import dev.tend.infra.OidcStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An OIDC provider stand-in ({@link OidcStandIn}) for a {@code @QuarkusTest}, configured as the default quarkus-oidc
 * tenant (the services' provider; the console's code flow) and putting roles in the claim named by the
 * {@code roles-claim} init argument ({@code GROUPS} or {@code REALM_ACCESS}). Tests mint tokens and choose who signs in through {@link #standIn(OidcStandIn.RolesClaim)}.
 */
public class OidcProviderResource implements QuarkusTestResourceLifecycleManager {

    /** Who the stand-in signs in until a test says otherwise. */
    public static final OidcStandIn.Person DANA = new OidcStandIn.Person("dana", "Dana Park", List.of("staff"));

    private static final Map<OidcStandIn.RolesClaim, OidcStandIn> STAND_INS = new EnumMap<>(OidcStandIn.RolesClaim.class);

    private final String prefix = "quarkus.oidc";
    private OidcStandIn.RolesClaim rolesClaim = OidcStandIn.RolesClaim.GROUPS;

    public static synchronized OidcStandIn standIn(OidcStandIn.RolesClaim rolesClaim) {
        return STAND_INS.computeIfAbsent(rolesClaim, claim -> OidcStandIn.start(0, DANA, claim));
    }

    @Override
    public void init(Map<String, String> initArgs) {
        rolesClaim = OidcStandIn.RolesClaim.valueOf(initArgs.getOrDefault("roles-claim", rolesClaim.name()));
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                prefix + ".auth-server-url", standIn(rolesClaim).issuer(),
                prefix + ".client-id", OidcStandIn.CLIENT_ID,
                prefix + ".credentials.secret", OidcStandIn.CLIENT_SECRET,
                prefix + ".roles.role-claim-path", rolesClaim == OidcStandIn.RolesClaim.GROUPS ? "groups" : "realm_access/roles");
    }

    @Override
    public void stop() {
        // Stops with the JVM, like the other shared infrastructure.
    }
}
