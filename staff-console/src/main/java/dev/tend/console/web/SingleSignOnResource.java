package dev.tend.console.web;

import dev.tend.console.config.ConsoleConfig;
import dev.tend.console.config.SingleSignOnConfig;
import dev.tend.console.security.SingleSignOnAccounts;
import dev.tend.console.security.SingleSignOnRoles;
import dev.tend.console.security.Sessions;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;

/**
 * Signing in with the OIDC provider. quarkus-oidc runs the code flow for this path (it needs an authenticated
 * person, so one who is not is sent to the provider and back); here the person the provider vouched for gets the
 * console's own account and session, and quarkus-oidc's session is ended, so from then on the console's session
 * rules (idle timeout, sign-out, CSRF) are the only ones.
 */
@Path("/sign-in/oidc")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SingleSignOnResource {

    private final SingleSignOnConfig config;
    private final ConsoleConfig console;
    private final SingleSignOnRoles roles;
    private final SingleSignOnAccounts accounts;
    private final Sessions sessions;
    private final ErrorPages errors;
    private final SecurityIdentity identity;
    private final Instance<OidcSession> oidcSession;

    public SingleSignOnResource(SingleSignOnConfig config, ConsoleConfig console, SingleSignOnRoles roles,
                                SingleSignOnAccounts accounts, Sessions sessions, ErrorPages errors,
                                SecurityIdentity identity, Instance<OidcSession> oidcSession) {
        this.config = config;
        this.console = console;
        this.roles = roles;
        this.accounts = accounts;
        this.sessions = sessions;
        this.errors = errors;
        this.identity = identity;
        this.oidcSession = oidcSession;
    }

    @GET
    public Response signIn(@RestQuery String next, @Context HttpHeaders headers, @Context UriInfo uri) {
        if (!config.enabled() || identity.isAnonymous()) {
            return errors.page(Response.Status.NOT_FOUND, "Single sign-on is not set up",
                    "Sign in with your Tend username and password.");
        }
        String username = identity.getPrincipal().getName();
        // For the code flow the principal is the verified ID token.
        Object name = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("name") : null;
        oidcSession.get().logout().await().indefinitely();

        SingleSignOnRoles.Decision decision = roles.decide(identity.getRoles());
        if (!decision.granted()) {
            return errors.page(Response.Status.FORBIDDEN, "You cannot sign in to Tend", decision.refusal());
        }
        SingleSignOnAccounts.Result result = accounts.signedIn(username, name == null ? null : name.toString(),
                decision.roles());
        if (result.account() == null) {
            return errors.page(Response.Status.FORBIDDEN, "You cannot sign in to Tend", result.refusal());
        }
        Cookie previous = headers.getCookies().get(console.session().cookieName());
        Sessions.Opened opened = sessions.open(result.account(), previous == null ? null : previous.getValue());
        return Response.seeOther(URI.create(SignInResource.safeNext(next)))
                .cookie(SignInResource.cookie(console.session().cookieName(), opened.cookieValue(), uri, -1))
                .build();
    }
}
