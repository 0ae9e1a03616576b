package dev.tend.console.web;

import dev.tend.console.config.ConsoleConfig;
import dev.tend.console.security.Accounts;
import dev.tend.console.security.CsrfFilter;
import dev.tend.console.security.Secrets;
import dev.tend.console.security.Sessions;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.regex.Pattern;

/** Signing in with a local account, and out again. */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    /** Where a person may be sent back to after signing in: a path on this console, never another site. */
    private static final Pattern LOCAL_PATH = Pattern.compile("^/[A-Za-z0-9/_-]*$");

    private final Accounts accounts;
    private final Sessions sessions;
    private final ConsoleConfig config;

    public SignInResource(Accounts accounts, Sessions sessions, ConsoleConfig config) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.config = config;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/today")).build();
    }

    @GET
    @Path("sign-in")
    public Response form(@RestQuery String next, @Context HttpHeaders headers, @Context UriInfo uri) {
        Cookie existing = headers.getCookies().get(CsrfFilter.SIGN_IN_COOKIE);
        String csrf = existing == null ? Secrets.randomToken() : existing.getValue();
        return Response.ok(Pages.signIn("", null, safeNext(next), csrf).render())
                .cookie(cookie(CsrfFilter.SIGN_IN_COOKIE, csrf, uri, -1)).build();
    }

    @POST
    @Path("sign-in")
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm String next,
                           @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Accounts.SignInResult result = accounts.signIn(username, password, address);
        if (result.account() == null) {
            String csrf = headers.getCookies().get(CsrfFilter.SIGN_IN_COOKIE).getValue();
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Pages.signIn(username == null ? "" : username, result.refusal(), safeNext(next), csrf).render())
                    .build();
        }
        Cookie previous = headers.getCookies().get(config.session().cookieName());
        Sessions.Opened opened = sessions.open(result.account(), previous == null ? null : previous.getValue());
        return Response.seeOther(URI.create(safeNext(next)))
                .cookie(cookie(config.session().cookieName(), opened.cookieValue(), uri, -1),
                        cookie(CsrfFilter.SIGN_IN_COOKIE, "", uri, 0))
                .build();
    }

    @POST
    @Path("sign-out")
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
        Cookie session = headers.getCookies().get(config.session().cookieName());
        sessions.close(session == null ? null : session.getValue());
        return Response.seeOther(URI.create("/sign-in"))
                .cookie(cookie(config.session().cookieName(), "", uri, 0)).build();
    }

    static String safeNext(String next) {
        return next != null && LOCAL_PATH.matcher(next).matches() && !next.startsWith("//") && !next.equals("/sign-in")
                ? next : "/today";
    }

    /** HttpOnly, SameSite=Lax, Secure when the console is reached over TLS; a session cookie (no expiry) unless maxAge is 0. */
    static NewCookie cookie(String name, String value, UriInfo uri, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
