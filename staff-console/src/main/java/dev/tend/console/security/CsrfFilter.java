package dev.tend.console.security;

import dev.tend.console.web.ErrorPages;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Set;

/**
 * Every state-changing request must carry the CSRF token: the session's for a signed-in person, or, on the
 * sign-in form, the one in its own cookie (double submit). It comes as the form field {@value #FIELD} or the
 * header {@value #HEADER}; without it, or with another, the answer is a 403 page and nothing changes.
 */
public class CsrfFilter {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** The cookie holding the sign-in form's token, before there is a session. */
    public static final String SIGN_IN_COOKIE = "tend_signin_csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentStaff staff;
    private final ErrorPages errors;

    public CsrfFilter(CurrentStaff staff, ErrorPages errors) {
        this.staff = staff;
        this.errors = errors;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10, readBody = true)
    public void check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String expected;
        if (staff.isSignedIn()) {
            expected = staff.getCsrfToken();
        } else {
            Cookie cookie = request.getCookies().get(SIGN_IN_COOKIE);
            expected = cookie == null ? null : cookie.getValue();
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (expected == null || !Secrets.same(expected, presented)) {
            request.abortWith(errors.page(Response.Status.FORBIDDEN, "This form could not be accepted",
                    "The form was missing its security token or it had expired. Go back, reload the page and try again."));
        }
    }
}
