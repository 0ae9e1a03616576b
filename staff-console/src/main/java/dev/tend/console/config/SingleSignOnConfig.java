package dev.tend.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * Signing in with an OIDC provider (code flow), under {@code tend.console.oidc}. The provider itself is quarkus-oidc's
 * default tenant: {@code quarkus.oidc.auth-server-url}, {@code .client-id}, {@code .credentials.secret} and
 * {@code .roles.role-claim-path}.
 */
@ConfigMapping(prefix = "tend.console.oidc")
public interface SingleSignOnConfig {

    /** Whether the sign-in page offers single sign-on (local accounts keep working either way). */
    @WithDefault("false")
    boolean enabled();

    /** What the sign-in page's button calls the provider: "Sign in with ...". */
    @WithDefault("single sign-on")
    String providerName();

    /** The values of the provider's roles claim that make a person staff. */
    @WithDefault("staff")
    List<String> staffRoles();

    /** The values of the provider's roles claim that make a person an admin (and staff). */
    @WithDefault("admin")
    List<String> adminRoles();
}
