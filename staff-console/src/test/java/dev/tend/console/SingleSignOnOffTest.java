package dev.tend.console;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without a provider configured, local accounts are the only way in. */
@QuarkusTest
@ConsoleTestResource
class SingleSignOnOffTest {

    @Test
    void shouldOfferOnlyThePasswordFormWhenNoProviderIsConfigured() {
        String page = new Browser().get("/sign-in").asString();
        assertThat(page, containsString("id=\"password\""));
        assertThat(page, not(containsString("sign-in-oidc")));
        assertEquals(401, new Browser().get("/sign-in/oidc").statusCode());
    }
}
