package dev.tend.notification;

import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;

@QuarkusTest
@NotificationServiceTestResource
class AccessControlTest {

    /** An empty Authorization header sends no token at all. */
    private static final String NO_TOKEN = "";

    @Test
    void shouldRequireATokenForTheStaffApi() {
        given().header("Authorization", NO_TOKEN).when().get("/notifications?status=SENT")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", NO_TOKEN).when().get("/print-jobs").then().statusCode(401);
        given().header("Authorization", NO_TOKEN).when().get("/templates").then().statusCode(401);
        given().header("Authorization", NO_TOKEN).when().get("/inbound-messages?status=UNMATCHED").then().statusCode(401);
        given().header("Authorization", NO_TOKEN).when().get("/customers/" + UUID.randomUUID() + "/messages")
                .then().statusCode(401);
        given().header("Authorization", AuthenticatedRequests.bearerWith("integration"))
                .when().get("/customers/" + UUID.randomUUID() + "/messages").then().statusCode(403);
    }

    @Test
    void shouldLeaveProviderWebhooksAndUnsubscribeLinksToTheirOwnCredentials() {
        given().header("Authorization", NO_TOKEN).contentType("application/x-www-form-urlencoded")
                .formParam("From", "+447911123999").formParam("Body", "STOP")
                .when().post("/webhooks/twilio/inbound")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", NO_TOKEN).when().get("/unsubscribe/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldKeepTheStaffApiFromOtherSystemsAndAdminWorkFromStaff() {
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).when().get("/notifications?status=SENT")
                .then().statusCode(200);
        given().header("Authorization", AuthenticatedRequests.bearerWith("integration")).when().get("/notifications?status=SENT")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff"))
                .when().post("/print-jobs/" + UUID.randomUUID() + "/approve").then().statusCode(403);
        given().header("Authorization", AuthenticatedRequests.bearerWith("staff")).contentType("application/json")
                .body("{\"subject\":\"x\",\"body\":\"y\"}")
                .when().put("/templates/EMAIL/visit-thank-you/en").then().statusCode(403);
        given().header("Authorization", AuthenticatedRequests.bearerWith("admin"))
                .when().post("/print-jobs/" + UUID.randomUUID() + "/approve").then().statusCode(404);
    }
}
