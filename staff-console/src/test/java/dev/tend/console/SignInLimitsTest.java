package dev.tend.console;

import dev.tend.console.security.FirstAdminPasswordRule;
import dev.tend.console.security.PasswordPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in posts are rate-limited per client address, answered with a page and Retry-After; and in production the
 * first admin's password must be one of the clinic's own.
 */
@QuarkusTest
@ConsoleTestResource
@TestProfile(SignInLimitsTest.Limited.class)
class SignInLimitsTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tend.rate-limit.enabled", "true",
                    "%test.tend.rate-limit.enabled", "true",
                    "tend.rate-limit.per-address-requests", "3",
                    "tend.rate-limit.per-address-period", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Inject
    PasswordPolicy passwords;

    @Test
    void shouldAnswerTooManySignInPostsFromOneAddressWithAPageAndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertNotEquals(429, signIn("203.0.113.7").statusCode());
        }
        Response refused = signIn("203.0.113.7");
        assertEquals(429, refused.statusCode());
        assertThat(refused.contentType(), containsString("text/html"));
        assertThat(refused.asString(), containsString("Too many requests"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0);
        assertThat(refused.header("Content-Security-Policy"), containsString("frame-ancestors 'none'"));

        assertEquals(200, from("203.0.113.7").get("/sign-in").statusCode(), "the page itself is not limited");
        assertNotEquals(429, signIn("203.0.113.8").statusCode(), "another address has its own bucket");
    }

    @Test
    void shouldRefuseAMissingDefaultOrWeakFirstAdminPasswordInProduction() {
        FirstAdminPasswordRule rule = new FirstAdminPasswordRule(passwords);
        assertThat(violation(rule, Map.of()).orElseThrow(), containsString("tend.console.first-admin.password is not set"));
        assertThat(violation(rule, Map.of("tend.console.first-admin.password", "change-this-admin-password")).orElseThrow(),
                containsString("tend.console.first-admin.password is a default"));
        assertThat(violation(rule, Map.of("tend.console.first-admin.password", "short")).orElseThrow(),
                containsString("tend.console.first-admin.password is too weak"));
        assertThat(violation(rule, Map.of("tend.console.first-admin.password", "password1234")).orElseThrow(),
                containsString("most common"));
        assertEquals(Optional.empty(), violation(rule, Map.of("tend.console.first-admin.password", "a clinic's own long passphrase")));
        assertThat(violation(rule, Map.of("tend.console.first-admin.password", "administrator-password!")).orElse(""),
                not(containsString("is not set")));
    }

    private static Optional<String> violation(FirstAdminPasswordRule rule, Map<String, String> settings) {
        return rule.violation(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "test", 300)).build());
    }

    private static Response signIn(String address) {
        return from(address).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", "admin", "password", "not the password", "csrf", "x"))
                .post("/sign-in");
    }

    private static io.restassured.specification.RequestSpecification from(String address) {
        return RestAssured.given().redirects().follow(false).header("X-Forwarded-For", address)
                .accept("text/html,application/xhtml+xml");
    }
}
