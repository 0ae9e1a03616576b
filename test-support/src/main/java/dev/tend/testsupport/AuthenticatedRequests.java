package dev.tend.testsupport;

import dev.tend.infra.DevTokens;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.time.Duration;
import java.util.List;

/**
 * Every REST Assured request of a {@code @QuarkusTest} carries a token with all roles, so tests of behaviour
 * need not repeat it. A test of access control sets its own {@code Authorization} header, which is left as
 * it is; an empty one sends no token at all.
 */
public class AuthenticatedRequests implements QuarkusTestBeforeEachCallback {

    private static final String AUTHORIZATION = "Authorization";
    private static final Filter ALL_ROLES_UNLESS_SAID_OTHERWISE = new AllRolesFilter(bearer(DevTokens.allRoles()));

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        // By class name, not equality: a test class with its own resources restarts Quarkus, which loads this class
        // again with a newly minted token; a second filter would put a token back on a request a test sent without.
        boolean installed = RestAssured.filters().stream()
                .anyMatch(filter -> filter.getClass().getName().equals(AllRolesFilter.class.getName()));
        if (!installed) {
            RestAssured.filters(ALL_ROLES_UNLESS_SAID_OTHERWISE);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A bearer header value for a token holding only {@code roles}. */
    public static String bearerWith(String... roles) {
        return bearer(DevTokens.issue("test-user", List.of(roles), Duration.ofHours(1)));
    }

    private record AllRolesFilter(String header) implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            String given = request.getHeaders().getValue(AUTHORIZATION);
            if (given == null) {
                request.header(AUTHORIZATION, header);
            } else if (given.isBlank()) {
                request.removeHeader(AUTHORIZATION);
            }
            return context.next(request, response);
        }
    }
}
