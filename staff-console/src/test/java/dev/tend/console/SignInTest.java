package dev.tend.console;

import dev.tend.console.security.ServiceTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ConsoleTestResource
class SignInTest {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "first-admin-password-for-tests";
    private static final String STAFF_PASSWORD = "a long enough staff passphrase";

    @Inject
    ServiceTokens tokens;

    @Test
    void shouldSendSomeoneNotSignedInToTheSignInPage() {
        Response response = new Browser().get("/today");
        assertEquals(303, response.statusCode());
        assertThat(response.header("Location"), containsString("/sign-in?next=%2Ftoday"));
    }

    @Test
    void shouldSignInTheFirstAdminFromConfigurationWithAHardenedSessionCookie() {
        Browser browser = new Browser();
        Response signedIn = browser.signIn(ADMIN, ADMIN_PASSWORD);
        assertEquals(303, signedIn.statusCode());
        assertThat(signedIn.header("Location"), containsString("/today"));
        Cookie session = signedIn.getDetailedCookie("tend_session");
        assertTrue(session.isHttpOnly(), "HttpOnly");
        assertEquals("Lax", session.getSameSite());
        assertTrue(!session.isSecured(), "not Secure over plain HTTP (it is over TLS)");
        assertEquals(200, browser.get("/admin/accounts").statusCode());
    }

    @Test
    void shouldRotateTheSessionIdOnSignInAndForgetTheSessionOnSignOut() {
        Browser browser = new Browser();
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String first = browser.cookies.get("tend_session");
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String second = browser.cookies.get("tend_session");
        assertNotEquals(first, second);

        Browser stolenFirst = new Browser();
        stolenFirst.cookies.put("tend_session", first);
        assertEquals(303, stolenFirst.get("/admin/accounts").statusCode(), "the session before sign-in is gone");

        Browser copy = new Browser();
        copy.cookies.put("tend_session", second);
        assertEquals(200, copy.get("/admin/accounts").statusCode());
        Response signedOut = browser.submit("/admin/accounts", "/sign-out", Map.of());
        assertEquals(303, signedOut.statusCode());
        assertThat(signedOut.header("Location"), containsString("/sign-in"));
        assertEquals(303, copy.get("/admin/accounts").statusCode(), "a copy of the cookie is worthless after sign-out");
    }

    @Test
    void shouldRefuseAWrongPasswordWithoutSayingWhichPartWasWrong() {
        Response response = new Browser().signIn(ADMIN, "not the password at all");
        assertEquals(401, response.statusCode());
        assertThat(response.asString(), containsString("The username or password is not right"));
        Response unknown = new Browser().signIn("nobody-" + UUID.randomUUID().toString().substring(0, 8), "whatever it is here");
        assertThat(unknown.asString(), containsString("The username or password is not right"));
    }

    @Test
    void shouldLockAnAccountAfterRepeatedFailedSignInsEvenForTheRightPassword() {
        String username = createStaff();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, new Browser().signIn(username, "wrong password number " + i).statusCode());
        }
        Response locked = new Browser().signIn(username, STAFF_PASSWORD);
        assertEquals(401, locked.statusCode());
        assertThat(locked.asString(), containsString("Too many failed sign-ins for this account"));
        assertThat(locked.asString(), not(containsString("tend_session")));
        assertTrue(locked.getDetailedCookie("tend_session") == null);
    }

    @Test
    void shouldRejectAFormWithoutItsCsrfTokenAndChangeNothing() {
        Browser admin = new Browser();
        admin.signIn(ADMIN, ADMIN_PASSWORD);
        String username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        Response forged = admin.post("/admin/accounts", Map.of("username", username, "displayName", "Forged",
                "password", STAFF_PASSWORD, "team", "front-desk", "role", "admin"));
        assertEquals(403, forged.statusCode());
        assertThat(forged.asString(), containsString("security token"));
        Response wrongToken = admin.post("/admin/accounts", Map.of("csrf", "not-the-token", "username", username,
                "displayName", "Forged", "password", STAFF_PASSWORD, "role", "admin"));
        assertEquals(403, wrongToken.statusCode());
        assertThat(admin.get("/admin/accounts").asString(), not(containsString(username)));
    }

    @Test
    void shouldRejectASignInFormWithoutItsCsrfToken() {
        Response response = new Browser().post("/sign-in", Map.of("username", ADMIN, "password", ADMIN_PASSWORD));
        assertEquals(403, response.statusCode());
        assertTrue(response.getDetailedCookie("tend_session") == null);
    }

    @Test
    void shouldRefuseAStaffUserOnAdminPages() {
        String username = createStaff();
        Browser staff = new Browser();
        assertEquals(303, staff.signIn(username, STAFF_PASSWORD).statusCode());
        Response accounts = staff.get("/admin/accounts");
        assertEquals(403, accounts.statusCode());
        assertThat(accounts.asString(), containsString("You do not have access to this page"));
    }

    @Test
    void shouldRefuseShortAndCommonPasswordsNamingTheField() {
        Browser admin = new Browser();
        admin.signIn(ADMIN, ADMIN_PASSWORD);
        Response tooShort = admin.submit("/admin/accounts", "/admin/accounts", Map.of("username", "short-pw",
                "displayName", "Short", "password", "abc123", "team", "front-desk", "role", "staff"));
        assertEquals(400, tooShort.statusCode());
        assertThat(tooShort.asString(), containsString("id=\"password-error\">Enter a password of at least 12 characters"));
        Response common = admin.submit("/admin/accounts", "/admin/accounts", Map.of("username", "common-pw",
                "displayName", "Common", "password", "Password1234", "team", "front-desk", "role", "staff"));
        assertThat(common.asString(), containsString("one of the most common"));
    }

    @Test
    void shouldSendStrictSecurityHeadersOnPagesAndStaticFiles() {
        for (String path : new String[] {"/sign-in", "/_static/console.css", "/_static/htmx.org/2.0.2/dist/htmx.min.js"}) {
            Response response = new Browser().get(path);
            assertEquals(200, response.statusCode(), path);
            String csp = response.header("Content-Security-Policy");
            assertThat(path, csp, containsString("script-src 'self'"));
            assertThat(path, csp, containsString("style-src 'self'"));
            assertThat(path, csp, containsString("frame-ancestors 'none'"));
            assertThat(path, csp, not(containsString("unsafe-inline")));
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            assertEquals("same-origin", response.header("Referrer-Policy"), path);
        }
    }

    @Test
    void shouldServeNoInlineScriptOrEventHandler() {
        Browser admin = new Browser();
        admin.signIn(ADMIN, ADMIN_PASSWORD);
        String html = admin.get("/admin/accounts").asString();
        assertThat(html, not(containsString("<script>")));
        assertThat(html.replaceAll("<script src=\"[^\"]+\" defer></script>", ""), not(containsString("<script")));
        assertThat(html, not(containsString(" onclick=")));
        assertThat(html, containsString("\"includeIndicatorStyles\":false"));
    }

    @Test
    void shouldMintShortLivedServiceTokensNamingThePerson() {
        StaffAccount account = new StaffAccount();
        account.username = "sam.jones";
        account.roles = java.util.List.of("staff");
        String[] parts = tokens.forPerson(account).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims, containsString("\"sub\":\"sam.jones\""));
        assertThat(claims, containsString("\"groups\":[\"staff\"]"));
        assertThat(claims, containsString("\"iss\":\"https://tend.dev/local\""));
        long iat = Long.parseLong(claims.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertEquals(120, exp - iat);
    }

    private static String createStaff() {
        Browser admin = new Browser();
        admin.signIn(ADMIN, ADMIN_PASSWORD);
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = admin.submit("/admin/accounts", "/admin/accounts", Map.of("username", username,
                "displayName", "Sam Jones", "password", STAFF_PASSWORD, "team", "front-desk", "role", "staff"));
        assertEquals(303, created.statusCode(), created.asString());
        assertThat(created.header("Location"), startsWith("http"));
        assertThat(admin.get("/admin/accounts").asString(), containsString(username));
        return username;
    }
}
