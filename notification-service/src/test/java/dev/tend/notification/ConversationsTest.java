package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.InboundSmsTest.messagesFor;
import static dev.tend.notification.InboundSmsTest.text;
import static dev.tend.notification.InboundSmsTest.textIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Many households' latest messages in one call, as the console's Inbox reads them. */
@QuarkusTest
@NotificationServiceTestResource
class ConversationsTest {

    @Test
    void shouldAnswerEachHouseholdsLatestMessagesNewestFirstInTheOrderAsked() {
        String annsPhone = "+447911127101";
        String bensPhone = "+447911127102";
        UUID ann = household(null, annsPhone, Channel.SMS);
        UUID ben = household(null, bensPhone, Channel.SMS);
        UUID quiet = household(null, "+447911127103", Channel.SMS);
        textIn(text(annsPhone, "Is Biscuit ready?")).statusCode(200);
        SettableClock.INSTANCE.advance(Duration.ofMinutes(1));
        textIn(text(annsPhone, "We can come at five")).statusCode(200);
        textIn(text(bensPhone, "Thank you for today")).statusCode(200);
        messagesFor(ann, 2);
        messagesFor(ben, 1);

        given().contentType("application/json").body(Map.of("customerIds", List.of(quiet, ann, ben, ann), "size", 1))
                .when().post("/conversations/latest").then().statusCode(200)
                .body("customerId", equalTo(List.of(quiet.toString(), ann.toString(), ben.toString())))
                .body("[0].items.size()", equalTo(0)).body("[0].total", equalTo(0))
                .body("[1].items.size()", equalTo(1)).body("[1].total", equalTo(2))
                .body("[1].items[0].direction", equalTo("IN"))
                .body("[1].items[0].body", equalTo("We can come at five"))
                .body("[2].items[0].body", equalTo("Thank you for today")).body("[2].total", equalTo(1));
        // The same messages as each household's own conversation, which is paged the same way.
        given().contentType("application/json").body(Map.of("customerIds", List.of(ann)))
                .when().post("/conversations/latest").then().statusCode(200)
                .body("[0].items.body", equalTo(List.of("We can come at five", "Is Biscuit ready?")));
        given().when().get("/customers/" + ann + "/messages").then().statusCode(200)
                .body("items.body", equalTo(List.of("We can come at five", "Is Biscuit ready?")));
    }

    @Test
    void shouldRefuseARequestWithoutHouseholdsOrTooLargeNamingTheField() {
        given().contentType("application/json").body(Map.of("customerIds", List.of()))
                .when().post("/conversations/latest").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("customerIds"));
        given().contentType("application/json").body(Map.of("size", 5))
                .when().post("/conversations/latest").then().statusCode(400).body("field", equalTo("customerIds"));
        List<UUID> tooMany = new ArrayList<>();
        IntStream.range(0, 201).forEach(i -> tooMany.add(UUID.randomUUID()));
        given().contentType("application/json").body(Map.of("customerIds", tooMany))
                .when().post("/conversations/latest").then().statusCode(400).body("field", equalTo("customerIds"));
        given().contentType("application/json").body(Map.of("customerIds", tooMany.subList(0, 200)))
                .when().post("/conversations/latest").then().statusCode(200).body("size()", equalTo(200));
        given().contentType("application/json").body(Map.of("customerIds", List.of(UUID.randomUUID()), "size", 51))
                .when().post("/conversations/latest").then().statusCode(400).body("field", equalTo("size"));
    }

    @Test
    void shouldKeepConversationsToStaff() {
        given().header("Authorization", "").contentType("application/json")
                .body(Map.of("customerIds", List.of(UUID.randomUUID())))
                .when().post("/conversations/latest").then().statusCode(401);
        given().header("Authorization", AuthenticatedRequests.bearerWith("integration")).contentType("application/json")
                .body(Map.of("customerIds", List.of(UUID.randomUUID())))
                .when().post("/conversations/latest").then().statusCode(403);
    }
}
