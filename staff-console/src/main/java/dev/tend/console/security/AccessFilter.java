package dev.tend.console.security;

import dev.tend.console.Role;
import dev.tend.console.config.ConsoleConfig;
import dev.tend.console.web.ErrorPages;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;

/**
 * Signs the request in from its session cookie, then lets it through only if the person holds the role the page
 * needs ({@link PageAccess}): nobody signed in goes to the sign-in page, a person without the role gets 403.
 */
public class AccessFilter {

    private final Sessions sessions;
    private final CurrentStaff staff;
    private final ConsoleConfig config;
    private final ErrorPages errors;

    public AccessFilter(Sessions sessions, CurrentStaff staff, ConsoleConfig config, ErrorPages errors) {
        this.sessions = sessions;
        this.staff = staff;
        this.config = config;
        this.errors = errors;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response signIn(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(config.session().cookieName());
        if (cookie != null) {
            sessions.find(cookie.getValue()).ifPresent(live -> staff.signedIn(live.account(), live.session()));
        }
        String path = request.getUriInfo().getPath();
        Optional<Role> required = PageAccess.required(path);
        if (required.isEmpty()) {
            return null;
        }
        if (!staff.isSignedIn()) {
            if (request.getHeaderString("HX-Request") != null) {
                return Response.status(Response.Status.UNAUTHORIZED).header("HX-Redirect", "/sign-in").build();
            }
            String next = "GET".equals(request.getMethod()) ? "?next=" + java.net.URLEncoder.encode(path,
                    java.nio.charset.StandardCharsets.UTF_8) : "";
            return Response.seeOther(URI.create("/sign-in" + next)).build();
        }
        if (!staff.has(required.get())) {
            return errors.page(Response.Status.FORBIDDEN, "You do not have access to this page",
                    "This page is for " + required.get().value() + "s. Ask an admin if you need it.");
        }
        return null;
    }
}
