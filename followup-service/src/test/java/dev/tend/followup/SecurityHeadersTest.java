package dev.tend.followup;

import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JSON API, answers and errors alike, tells browsers not to sniff it or frame it. */
@QuarkusTest
@FollowupServiceTestResource
class SecurityHeadersTest {

    @Test
    void shouldSendNosniffAndNoFramingOnTheJsonApi() {
        Response ok = given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).get("/worklist/summary");
        Response unauthorised = given().header("Authorization", "").get("/worklist/summary");
        assertEquals(200, ok.statusCode(), ok.asString());
        assertEquals(401, unauthorised.statusCode());
        for (Response response : new Response[] {ok, unauthorised}) {
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertThat(response.header("Content-Security-Policy"), containsString("frame-ancestors 'none'"));
        }
    }
}
