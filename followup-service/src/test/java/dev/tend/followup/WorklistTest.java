package dev.tend.followup;

import dev.tend.contracts.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.followup.CustomerEventFixtures.household;
import static dev.tend.followup.CustomerEventFixtures.local;
import static dev.tend.followup.CustomerEventFixtures.pet;
import static dev.tend.followup.CustomerEventFixtures.petRegistered;
import static dev.tend.followup.CustomerEventFixtures.visit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Today's calls with their context; outcomes, snooze, reassignment; the complaint loop. */
@QuarkusTest
@FollowupServiceTestResource
class WorklistTest extends FollowupTestSupport {

    @Test
    void shouldListTodaysCallsOverdueFirstWithWhatTheCallerShouldReadUpOn() {
        setClock("2026-06-01T12:00", LONDON); // Monday
        UUID customerId = UUID.randomUUID();
        UUID petId = UUID.randomUUID();
        apply(household(customerId).name("Tom Hale").registered(), petRegistered(pet(customerId, petId, "Rex", null)),
                visit(customerId, petId, "surgery", local("2026-06-01T10:00", LONDON), null).recorded());
        UUID customer2 = UUID.randomUUID();
        apply(household(customer2).registered(),
                visit(customer2, null, "surgery", local("2026-06-02T10:00", LONDON), null).recorded());

        setClock("2026-06-03T09:30", LONDON);
        fireDue();
        UUID overdue = task(customerId, "surgery-checkin").id;
        UUID today = task(customer2, "surgery-checkin").id;

        given().queryParam("team", "nurses").when().get("/worklist")
                .then().statusCode(200)
                .body("findAll { it.taskId == '" + overdue + "' || it.taskId == '" + today + "' }.taskId",
                        equalTo(List.of(overdue.toString(), today.toString())))
                .body("find { it.taskId == '" + overdue + "' }.overdue", equalTo(true))
                .body("find { it.taskId == '" + today + "' }.overdue", equalTo(false))
                .body("find { it.taskId == '" + overdue + "' }.household.name", equalTo("Tom Hale"))
                .body("find { it.taskId == '" + overdue + "' }.pets[0].name", equalTo("Rex"))
                .body("find { it.taskId == '" + overdue + "' }.lastVisits[0].notes", equalTo("All well"));
        given().queryParam("team", "front-desk").when().get("/worklist")
                .then().statusCode(200).body("taskId", not(hasItem(overdue.toString())));
    }

    @Test
    void shouldRaiseAnEscalationCallWhenACallRaisesAConcernAndShowEarlierCalls() {
        setClock("2026-06-01T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).registered(), visit(customerId, null, "surgery", local("2026-06-01T10:00", LONDON), null).recorded());
        setClock("2026-06-02T09:00", LONDON);
        fireDue();
        UUID call = task(customerId, "surgery-checkin").id;

        given().contentType(ContentType.JSON).body(Map.of("outcome", "CONCERN", "note", "wound is red", "completedBy", "Sam"))
                .when().post("/worklist/" + call + "/complete")
                .then().statusCode(200).body("status", equalTo("DONE"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "REACHED"))
                .when().post("/worklist/" + call + "/complete")
                .then().statusCode(409);

        fireDue();
        FollowupTask escalation = task(customerId, "escalation");
        assertEquals(FollowupTask.Status.OPEN, escalation.status);
        given().when().get("/worklist/" + escalation.id)
                .then().statusCode(200)
                .body("reason", equalTo("concern raised on the surgery-checkin call: wound is red"))
                .body("earlierCalls[0].outcome", equalTo("CONCERN"))
                .body("earlierCalls[0].note", equalTo("wound is red"));
    }

    @Test
    void shouldSnoozeAndReassignACall() {
        setClock("2026-06-01T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).registered(), visit(customerId, null, "surgery", local("2026-06-01T10:00", LONDON), null).recorded());
        setClock("2026-06-02T09:00", LONDON);
        fireDue();
        UUID call = task(customerId, "surgery-checkin").id;

        given().contentType(ContentType.JSON).body(Map.of("assignee", "Dr. Amy Patel"))
                .when().post("/worklist/" + call + "/assign").then().statusCode(200).body("assignee", equalTo("Dr. Amy Patel"));
        given().queryParam("assignee", "Dr. Amy Patel").when().get("/worklist")
                .then().statusCode(200).body("taskId", hasItem(call.toString()));

        given().contentType(ContentType.JSON).body(Map.of("until", "2026-06-03T14:00:00+01:00"))
                .when().post("/worklist/" + call + "/snooze").then().statusCode(200);
        given().queryParam("assignee", "Dr. Amy Patel").when().get("/worklist")
                .then().statusCode(200).body("taskId", not(hasItem(call.toString())));
        given().queryParam("assignee", "Dr. Amy Patel").queryParam("date", "2026-06-03").when().get("/worklist")
                .then().statusCode(200).body("taskId", hasItem(call.toString()));

        given().contentType(ContentType.JSON).body(Map.of("until", "2026-06-01T14:00:00+01:00"))
                .when().post("/worklist/" + call + "/snooze")
                .then().statusCode(400).body("field", equalTo("until"));
        given().when().get("/worklist/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldCloseTheComplaintLoopHearItResolveItConfirmIt() {
        setClock("2026-06-01T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL).registered(),
                visit(customerId, null, "wellness", local("2026-06-01T10:00", LONDON), null).recorded());
        setClock("2026-06-04T10:00", LONDON);
        fireDue();
        FollowupTask request = task(customerId, "feedback-request");
        assertEquals(FollowupTask.Status.FIRED, request.status);

        given().contentType(ContentType.JSON).body(Map.of("taskId", request.id.toString(), "rating", 1, "comment", "we waited an hour"))
                .when().post("/customers/" + customerId + "/feedback")
                .then().statusCode(201).body("negative", equalTo(true)).body("resolutionTaskId", notNullValue());
        fireDue();
        FollowupTask resolution = task(customerId, "feedback-resolution");
        assertEquals(FollowupTask.Status.OPEN, resolution.status);
        given().when().get("/worklist/" + resolution.id)
                .then().statusCode(200).body("feedback[0].comment", equalTo("we waited an hour"));

        given().contentType(ContentType.JSON).body(Map.of("outcome", "REACHED", "note", "apologised, free nail trim"))
                .when().post("/worklist/" + resolution.id + "/complete").then().statusCode(200);

        FollowupTask confirmation = task(customerId, "feedback-confirmation");
        assertEquals(FollowupTask.Status.PENDING, confirmation.status);
        assertEquals(at("2026-06-15T08:30", LONDON), confirmation.dueAt, "seven business days later, at opening");

        given().contentType(ContentType.JSON).body(Map.of("rating", 5))
                .when().post("/customers/" + customerId + "/feedback")
                .then().statusCode(201).body("negative", equalTo(false));
        assertEquals(1, tasks(customerId, "feedback-resolution").size());
        given().contentType(ContentType.JSON).body(Map.of("rating", 9))
                .when().post("/customers/" + customerId + "/feedback")
                .then().statusCode(400).body("field", equalTo("rating"));

        given().when().get("/customers/" + customerId + "/timeline")
                .then().statusCode(200)
                .body("kind", hasItem("COMPLETED"))
                .body("find { it.templateKey == 'feedback-resolution' && it.kind == 'PLANNED' }.detail",
                        equalTo("rated 1/5: we waited an hour, due " + at("2026-06-04T10:00", LONDON)));
        assertTrue(timeline(confirmation.id).stream().anyMatch(e -> e.kind.equals("PLANNED")));
        given().queryParam("status", "DONE").when().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200).body("templateKey", equalTo(List.of("feedback-resolution")));
        given().queryParam("size", 0).when().get("/customers/" + customerId + "/tasks")
                .then().statusCode(400).body("field", equalTo("size"));
    }
}
