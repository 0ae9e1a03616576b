package dev.tend.console;

import dev.tend.infra.OidcStandIn;
import dev.tend.testsupport.OidcProviderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff sign in through the OIDC provider's code flow (the stand-in approves whoever it is told to), get the console
 * role their provider roles map to, and then use the console's own session like anyone signed in with a password.
 */
@QuarkusTest
@ConsoleTestResource
@TestProfile(SingleSignOnTest.WithProvider.class)
class SingleSignOnTest {

    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tend.console.oidc.enabled", "true", "tend.console.oidc.provider-name", "the clinic's accounts");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcProviderResource.class));
        }
    }

    private static final OidcStandIn PROVIDER = OidcProviderResource.standIn(OidcStandIn.RolesClaim.GROUPS);

    @Test
    void shouldOfferSingleSignOnNextToThePasswordForm() {
        String page = new Browser().get("/sign-in").asString();
        assertThat(page, containsString("id=\"sign-in-oidc\""));
        assertThat(page, containsString("Sign in with the clinic&#39;s accounts"));
        assertThat(page, containsString("id=\"password\""));
    }

    @Test
    void shouldSignAStaffMemberInThroughTheProviderAsStaff() {
        PROVIDER.signsIn(new OidcStandIn.Person("dana", "Dana Park", List.of("staff")));
        Browser browser = new Browser();
        Response landed = signInThroughTheProvider(browser, "/households");

        assertEquals(303, landed.statusCode());
        assertThat(landed.header("Location"), containsString("/households"));
        assertTrue(browser.cookies.containsKey("tend_session"), "the console's own session");
        assertFalse(browser.cookies.containsKey("q_session"), "quarkus-oidc's session is over once the console's begins");
        Response adminPage = browser.get("/admin/accounts");
        assertEquals(403, adminPage.statusCode(), "staff, not admin");
        assertThat(adminPage.asString(), containsString("Dana Park (dana)"));
    }

    @Test
    void shouldSignAnAdminInAsAdminAndListThemAsMadeBySingleSignOn() {
        PROVIDER.signsIn(new OidcStandIn.Person("erin", "Erin Admin", List.of("admin", "vets")));
        Browser browser = new Browser();
        assertEquals(303, signInThroughTheProvider(browser, "/admin/accounts").statusCode());

        Response accounts = browser.get("/admin/accounts");
        assertEquals(200, accounts.statusCode());
        assertThat(accounts.asString(), containsString("Erin Admin (erin)"));
        assertThat(accounts.asString(), containsString("<td>erin</td><td>Erin Admin</td><td>front-desk</td><td>staff, admin</td>"));
        assertThat(accounts.asString(), containsString("by single sign-on"));
    }

    @Test
    void shouldTakeTheRolesFromTheProviderAgainAtEverySignIn() {
        PROVIDER.signsIn(new OidcStandIn.Person("frank", "Frank Lee", List.of("admin")));
        Browser before = new Browser();
        signInThroughTheProvider(before, "/today");
        assertEquals(200, before.get("/admin/accounts").statusCode());

        PROVIDER.signsIn(new OidcStandIn.Person("frank", "Frank Lee", List.of("staff")));
        Browser after = new Browser();
        signInThroughTheProvider(after, "/today");
        assertEquals(403, after.get("/admin/accounts").statusCode());
    }

    @Test
    void shouldRefuseSomeoneWhoseProviderRolesGiveNoConsoleRole() {
        PROVIDER.signsIn(new OidcStandIn.Person("sam", "Sam Kerr", List.of("vets")));
        Browser browser = new Browser();
        Response refused = signInThroughTheProvider(browser, "/today");

        assertEquals(403, refused.statusCode());
        assertThat(refused.asString(), containsString("has no Tend role"));
        assertFalse(browser.cookies.containsKey("tend_session"));
        assertEquals(303, browser.get("/today").statusCode(), "still not signed in");
    }

    @Test
    void shouldNeverHandALocalPasswordAccountToTheProvidersPersonOfTheSameName() {
        PROVIDER.signsIn(new OidcStandIn.Person("admin", "Not The Admin", List.of("admin")));
        Browser browser = new Browser();
        Response refused = signInThroughTheProvider(browser, "/admin/accounts");

        assertEquals(403, refused.statusCode());
        assertThat(refused.asString(), containsString("signs in with a password"));
        assertFalse(browser.cookies.containsKey("tend_session"));
        assertEquals(303, new Browser().signIn("admin", "first-admin-password-for-tests").statusCode(),
                "the local admin still signs in with the password");
    }

    /** Follows the redirects from the console to the provider and back, as a browser would, until the console answers. */
    private static Response signInThroughTheProvider(Browser browser, String next) {
        Response response = browser.get("/sign-in/oidc?next=" + next);
        assertEquals(302, response.statusCode(), "sent to the provider");
        assertThat(response.header("Location"), containsString(PROVIDER.issuer()));
        for (int hops = 0; hops < 5 && response.statusCode() == 302; hops++) {
            response = hop(browser, response.header("Location"));
        }
        return response;
    }

    /** A GET of a redirect's absolute URL as it stands (its query is already encoded), keeping cookies like {@link Browser}. */
    private static Response hop(Browser browser, String url) {
        Response response = RestAssured.given().urlEncodingEnabled(false).redirects().follow(false)
                .cookies(browser.cookies).get(url);
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getValue() == null || cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                browser.cookies.remove(cookie.getName());
            } else {
                browser.cookies.put(cookie.getName(), cookie.getValue());
            }
        });
        return response;
    }
}
