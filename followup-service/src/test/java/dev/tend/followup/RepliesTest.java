package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.followup.FollowupTask.Kind;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.MessageFixtures.Message;
import dev.tend.followup.service.Replies;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.followup.CustomerEventFixtures.deliveryStatus;
import static dev.tend.followup.CustomerEventFixtures.household;
import static dev.tend.followup.CustomerEventFixtures.local;
import static dev.tend.followup.CustomerEventFixtures.pet;
import static dev.tend.followup.CustomerEventFixtures.petRegistered;
import static dev.tend.followup.CustomerEventFixtures.visit;
import static dev.tend.followup.MessageFixtures.PHONE;
import static dev.tend.followup.MessageFixtures.ratingLink;
import static dev.tend.followup.MessageFixtures.text;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message a customer writes reaches a person: replies on the worklist with their thread, urgent ones first;
 * ratings recorded as feedback; both on the household's timeline. Messages arrive through Kafka, as
 * notification-service publishes them.
 */
@QuarkusTest
@FollowupServiceTestResource
class RepliesTest extends FollowupTestSupport {

    private static final Duration KAFKA = Duration.ofSeconds(30);

    @Test
    void shouldPutATextedReplyOnTheWorklistAtOnceWithItsThread() {
        UUID customerId = UUID.randomUUID();
        FollowupTask request = feedbackRequestTexted(customerId, "Tom Hale");
        setClock("2026-06-04T10:05", LONDON);

        text(customerId, "Rex is limping again since yesterday", at("2026-06-04T10:04", LONDON))
                .answering(request).picture("rex-paw.jpg").send();

        await().atMost(KAFKA).until(() -> replies(customerId).size() == 1);
        FollowupTask item = replies(customerId).get(0);
        assertEquals(Kind.REPLY, item.kind);
        assertEquals(Status.OPEN, item.status);
        assertEquals(at("2026-06-04T10:04", LONDON), item.dueAt, "due the moment it came in, within clinic hours");
        assertEquals("front-desk", item.team, "the replies team defaults to the clinic's default team");
        assertFalse(item.urgent);
        assertNull(item.petId, "a reply item names no pet, so nothing that cancels a pet's tasks takes it off the worklist");

        given().queryParam("team", "front-desk").when().get("/worklist")
                .then().statusCode(200).body("taskId", hasItem(item.id.toString()));
        given().when().get("/worklist/" + item.id)
                .then().statusCode(200)
                .body("kind", equalTo("REPLY"))
                .body("templateKey", equalTo(Replies.REPLY))
                .body("urgent", equalTo(false))
                .body("household.name", equalTo("Tom Hale"))
                .body("pets.name", equalTo(List.of("Rex")))
                .body("conversation.sharedSender", equalTo(false))
                .body("conversation.messages.size()", equalTo(1))
                .body("conversation.messages[0].body", equalTo("Rex is limping again since yesterday"))
                .body("conversation.messages[0].channel", equalTo("SMS"))
                .body("conversation.messages[0].from", equalTo(PHONE))
                .body("conversation.messages[0].inReplyTo.taskId", equalTo(request.id.toString()))
                .body("conversation.messages[0].inReplyTo.templateKey", equalTo("feedback-request"))
                .body("conversation.messages[0].inReplyTo.channel", equalTo("SMS"))
                .body("conversation.messages[0].attachments[0].fileName", equalTo("rex-paw.jpg"))
                .body("conversation.messages[0].attachments[0].url", equalTo("https://notifications.example/attachments/rex-paw.jpg"));
    }

    @Test
    void shouldMoveAReplyThatComesWhileTheClinicIsClosedToOpeningTime() {
        setClock("2026-06-06T21:00", LONDON); // Saturday night
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.SMS).registered());

        text(customerId, "Can we book Rex in next week?", at("2026-06-06T21:00", LONDON)).send();

        await().atMost(KAFKA).until(() -> replies(customerId).size() == 1);
        FollowupTask item = replies(customerId).get(0);
        assertEquals(at("2026-06-08T08:30", LONDON), item.dueAt, "Monday at opening");
        given().when().get("/worklist").then().statusCode(200).body("taskId", not(hasItem(item.id.toString())));
        given().queryParam("date", "2026-06-08").when().get("/worklist")
                .then().statusCode(200).body("taskId", hasItem(item.id.toString()));
    }

    @Test
    void shouldJoinFurtherRepliesToTheOpenItemAndOpenANewOneOnceItIsDone() {
        setClock("2026-06-01T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.SMS).registered());

        text(customerId, "Is the clinic open on Saturday?", at("2026-06-01T10:58", LONDON)).send();
        await().atMost(KAFKA).until(() -> replies(customerId).size() == 1);
        text(customerId, "Also Rex's stitches are bleeding a little", at("2026-06-01T10:59", LONDON)).send();
        await().atMost(KAFKA).until(() -> thread(replies(customerId).get(0).id).size() == 2);

        List<FollowupTask> items = replies(customerId);
        assertEquals(1, items.size(), "one item for the household, not one per message");
        FollowupTask item = items.get(0);
        assertTrue(item.urgent, "a later urgent message makes the open item urgent");
        given().when().get("/worklist/" + item.id)
                .then().statusCode(200)
                .body("conversation.messages.body", equalTo(List.of("Is the clinic open on Saturday?",
                        "Also Rex's stitches are bleeding a little")))
                .body("conversation.messages[1].urgentWords", equalTo(List.of("bleeding")))
                .body("reason", equalTo("2 messages waiting; the latest: a reply; urgent: mentions bleeding"));

        given().contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED", "completedBy", "Sam"))
                .when().post("/worklist/" + item.id + "/complete").then().statusCode(200).body("status", equalTo("DONE"));
        text(customerId, "Thanks!", at("2026-06-01T11:00", LONDON)).send();

        await().atMost(KAFKA).until(() -> replies(customerId).size() == 2);
        assertEquals(List.of(Status.DONE, Status.OPEN), replies(customerId).stream().map(t -> t.status).toList());
    }

    @Test
    void shouldFlagAReplyFromANumberOtherHouseholdsShare() {
        setClock("2026-06-01T11:00", LONDON);
        UUID ana = UUID.randomUUID();
        UUID tom = UUID.randomUUID();
        apply(household(ana).name("Ana Souza").consents(Channel.SMS).registered(),
                household(tom).name("Tom Souza").consents(Channel.SMS).registered());

        Message toAna = text(ana, "Who is picking up Bella today?", at("2026-06-01T10:59", LONDON)).sharedWith(tom);
        toAna.send();
        toAna.sameMessageFor(tom, ana).send();

        await().atMost(KAFKA).until(() -> replies(ana).size() == 1 && replies(tom).size() == 1);
        given().when().get("/worklist/" + replies(ana).get(0).id)
                .then().statusCode(200)
                .body("conversation.sharedSender", equalTo(true))
                .body("conversation.sharedWithCustomerIds", equalTo(List.of(tom.toString())));
        given().when().get("/worklist/" + replies(tom).get(0).id)
                .then().statusCode(200)
                .body("conversation.sharedWithCustomerIds", equalTo(List.of(ana.toString())));
        given().when().get("/customers/" + ana + "/timeline")
                .then().statusCode(200)
                .body("find { it.kind == 'MESSAGE_RECEIVED' }.detail",
                        equalTo("SMS reply received: Who is picking up Bella today? (the sender is shared with 1 other household)"));
    }

    @Test
    void shouldMarkAReplyWithUrgentWordsUrgentAndListItFirstBeforeOverdueCalls() {
        setClock("2026-05-29T12:00", LONDON); // Friday
        UUID called = UUID.randomUUID();
        apply(household(called).registered(), visit(called, null, "surgery", local("2026-05-29T10:00", LONDON), null).recorded());
        setClock("2026-06-02T09:30", LONDON); // Tuesday: Monday's check-in call is overdue
        fireDue();
        FollowupTask overdueCall = task(called, "surgery-checkin");
        assertEquals(Status.OPEN, overdueCall.status);

        UUID routine = UUID.randomUUID();
        UUID urgent = UUID.randomUUID();
        apply(household(routine).consents(Channel.SMS).registered(), household(urgent).consents(Channel.SMS).registered());
        text(routine, "Can I book a nail trim for Bella?", at("2026-06-02T09:29", LONDON)).send();
        text(urgent, "A Luna teve uma CONVULSAO agora mesmo, o que fazemos?", at("2026-06-02T09:30", LONDON)).send();
        await().atMost(KAFKA).until(() -> replies(routine).size() == 1 && replies(urgent).size() == 1);
        FollowupTask routineItem = replies(routine).get(0);
        FollowupTask urgentItem = replies(urgent).get(0);
        assertTrue(urgentItem.urgent);
        assertFalse(routineItem.urgent);

        // One person's worklist, so that other tests' items do not interleave.
        String nurse = "nurse-" + UUID.randomUUID();
        for (FollowupTask item : List.of(overdueCall, routineItem, urgentItem)) {
            given().contentType(ContentType.JSON).body(Map.of("assignee", nurse))
                    .when().post("/worklist/" + item.id + "/assign").then().statusCode(200);
        }
        given().queryParam("assignee", nurse).when().get("/worklist")
                .then().statusCode(200)
                .body("taskId", equalTo(List.of(urgentItem.id.toString(), overdueCall.id.toString(), routineItem.id.toString())))
                .body("urgent", equalTo(List.of(true, false, false)))
                .body("overdue", equalTo(List.of(false, true, false)))
                .body("kind", equalTo(List.of("REPLY", "FOLLOWUP", "REPLY")));
        assertTrue(timeline(urgentItem.id).stream().anyMatch(e -> e.kind.equals("ON_WORKLIST")
                && e.detail.endsWith("urgent: mentions convulsao")), "the timeline says why it is urgent");

        given().queryParam("assignee", nurse).when().get("/worklist/summary")
                .then().statusCode(200)
                .body("date", equalTo("2026-06-02"))
                .body("callsDue", equalTo(1)).body("repliesWaiting", equalTo(2)).body("urgentReplies", equalTo(1))
                .body("overdue", equalTo(1)).body("doneToday", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_REPLY_NEEDED"))
                .when().post("/worklist/" + routineItem.id + "/complete").then().statusCode(200);
        given().queryParam("assignee", nurse).when().get("/worklist/summary")
                .then().statusCode(200)
                .body("callsDue", equalTo(1)).body("repliesWaiting", equalTo(1)).body("doneToday", equalTo(1));
    }

    @Test
    void shouldGiveEachWorklistItemItsOwnHouseholdsStoryAndListOnlyRepliesWhenAsked() {
        UUID ana = UUID.randomUUID();
        FollowupTask request = feedbackRequestTexted(ana, "Ana Souza");
        UUID ben = UUID.randomUUID();
        UUID milo = UUID.randomUUID();
        apply(household(ben).name("Ben Okafor").registered(), petRegistered(pet(ben, milo, "Milo", null)),
                visit(ben, milo, "surgery", local("2026-06-04T09:00", LONDON), null).recorded());
        setClock("2026-06-05T09:30", LONDON);
        fireDue();
        FollowupTask call = task(ben, "surgery-checkin");
        assertEquals(Status.OPEN, call.status);
        text(ana, "Rex is still limping", at("2026-06-05T09:30", LONDON)).answering(request).send();
        await().atMost(KAFKA).until(() -> replies(ana).size() == 1);
        FollowupTask reply = replies(ana).get(0);
        String nurse = "nurse-" + UUID.randomUUID();
        for (FollowupTask item : List.of(call, reply)) {
            given().contentType(ContentType.JSON).body(Map.of("assignee", nurse))
                    .when().post("/worklist/" + item.id + "/assign").then().statusCode(200);
        }

        String ofReply = "find { it.taskId == '" + reply.id + "' }.";
        String ofCall = "find { it.taskId == '" + call.id + "' }.";
        given().queryParam("assignee", nurse).when().get("/worklist")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body(ofReply + "household.name", equalTo("Ana Souza"))
                .body(ofReply + "pets.name", equalTo(List.of("Rex")))
                .body(ofReply + "lastVisits.visitType", equalTo(List.of("wellness")))
                .body(ofReply + "conversation.messages.body", equalTo(List.of("Rex is still limping")))
                .body(ofCall + "household.name", equalTo("Ben Okafor"))
                .body(ofCall + "pets.name", equalTo(List.of("Milo")))
                .body(ofCall + "lastVisits.visitType", equalTo(List.of("surgery")))
                .body(ofCall + "conversation", equalTo(null));
        given().queryParam("assignee", nurse).queryParam("kind", "REPLY").when().get("/worklist")
                .then().statusCode(200).body("taskId", equalTo(List.of(reply.id.toString())));
        given().queryParam("assignee", nurse).queryParam("kind", "FOLLOWUP").when().get("/worklist")
                .then().statusCode(200).body("taskId", equalTo(List.of(call.id.toString())));
        given().queryParam("kind", "CALL").when().get("/worklist")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("kind"));
    }

    @Test
    void shouldRecordATextedTwoAsFeedbackAndStartTheResolutionCall() {
        UUID customerId = UUID.randomUUID();
        FollowupTask request = feedbackRequestTexted(customerId, "Ana Souza");
        setClock("2026-06-04T10:05", LONDON);

        text(customerId, "2", at("2026-06-04T10:04", LONDON)).answering(request).rating(2).send();

        await().atMost(KAFKA).until(() -> feedback(customerId).size() == 1);
        Feedback feedback = feedback(customerId).get(0);
        assertEquals(2, feedback.rating);
        assertTrue(feedback.negative);
        assertEquals(request.id, feedback.taskId, "the feedback answers the request it replied to");
        assertNull(feedback.comment);
        assertEquals(List.of(), replies(customerId), "only a rating: nothing more for a person to read");
        fireDue();
        FollowupTask resolution = task(customerId, "feedback-resolution");
        assertEquals(Status.OPEN, resolution.status, "the complaint loop starts, as for feedback given to staff");
        assertTrue(timeline(request.id).stream().anyMatch(e -> e.kind.equals("MESSAGE_RECEIVED")
                && e.detail.equals("SMS reply received: 2 (rated 2/5)")));
    }

    @Test
    void shouldGiveATextedRatingWithWordsBeyondItBothFeedbackAndAReplyItem() {
        UUID customerId = UUID.randomUUID();
        FollowupTask request = feedbackRequestTexted(customerId, "Ana Souza");
        setClock("2026-06-04T10:05", LONDON);

        text(customerId, "2 - we waited an hour at reception", at("2026-06-04T10:04", LONDON)).answering(request).rating(2).send();

        await().atMost(KAFKA).until(() -> feedback(customerId).size() == 1);
        assertEquals("2 - we waited an hour at reception", feedback(customerId).get(0).comment);
        assertEquals(1, replies(customerId).size());
        assertEquals(1, tasks(customerId, "feedback-resolution").size());
    }

    @Test
    void shouldRecordAFiveFromARatingLinkAsFeedbackWithoutAReplyItem() {
        setClock("2026-06-04T10:05", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.EMAIL).registered());

        ratingLink(customerId, 5, "", at("2026-06-04T10:04", LONDON)).send();

        await().atMost(KAFKA).until(() -> feedback(customerId).size() == 1);
        assertEquals(5, feedback(customerId).get(0).rating);
        assertFalse(feedback(customerId).get(0).negative);
        assertEquals(List.of(), replies(customerId));
        assertEquals(List.of(), tasks(customerId, "feedback-resolution"));
        given().when().get("/customers/" + customerId + "/timeline")
                .then().statusCode(200)
                .body("detail", equalTo(List.of("Rating received: 5/5")))
                .body("taskId", equalTo(java.util.Collections.singletonList(null)));
    }

    @Test
    void shouldChangeNothingWhenAMessageComesAgain() {
        setClock("2026-06-04T10:05", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.SMS).registered());
        Message message = text(customerId, "3/5, the wait was long", at("2026-06-04T10:04", LONDON)).rating(3);
        EventEnvelope first = message.send();
        await().atMost(KAFKA).until(() -> replies(customerId).size() == 1);

        KafkaTestClient.send(Topics.CUSTOMER_MESSAGES, first); // the same event, redelivered
        message.send(); // the same message in a new event (a producer retry)
        text(customerId, "ok thanks", at("2026-06-04T10:05", LONDON)).send();
        // One customer's records are read in order: once the last has joined the item, the repeats were handled.
        await().atMost(KAFKA).until(() -> thread(replies(customerId).get(0).id).size() == 2);

        assertEquals(1, replies(customerId).size());
        assertEquals(1, feedback(customerId).size(), "rated once");
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> CustomerMessage.count("customerId", customerId)));
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() ->
                TaskEvent.count("customerId = ?1 and kind = 'MESSAGE_RECEIVED'", customerId)));
    }

    @Test
    void shouldRecordWhoAnsweredAReply() {
        setClock("2026-06-01T12:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.SMS).registered(),
                visit(customerId, null, "surgery", local("2026-06-01T10:00", LONDON), null).recorded());
        setClock("2026-06-02T09:30", LONDON);
        fireDue();
        FollowupTask call = task(customerId, "surgery-checkin");
        text(customerId, "Is Rex allowed to walk today?", at("2026-06-02T09:29", LONDON)).send();
        await().atMost(KAFKA).until(() -> replies(customerId).size() == 1);
        FollowupTask item = replies(customerId).get(0);

        given().contentType(ContentType.JSON).body(Map.of("outcome", "VOICEMAIL"))
                .when().post("/worklist/" + item.id + "/complete")
                .then().statusCode(400).body("field", equalTo("outcome"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .when().post("/worklist/" + call.id + "/complete")
                .then().statusCode(400).body("field", equalTo("outcome"));

        given().contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED", "note", "short lead walks only"))
                .when().post("/worklist/" + item.id + "/complete")
                .then().statusCode(200).body("status", equalTo("DONE"));

        FollowupTask done = replies(customerId).get(0);
        assertEquals("ANSWERED", done.outcome);
        assertEquals("tend-local-admin", done.completedBy, "without completedBy, the token's subject answered");
        assertTrue(timeline(item.id).stream().anyMatch(e -> e.kind.equals("COMPLETED")
                && e.detail.equals("ANSWERED: short lead walks only (tend-local-admin)")));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED"))
                .when().post("/worklist/" + item.id + "/complete").then().statusCode(409);
    }

    @Test
    void shouldShowInboundAndOutboundMessagesInOrderOnTheTimeline() {
        UUID customerId = UUID.randomUUID();
        FollowupTask request = feedbackRequestTexted(customerId, "Ana Souza");
        setClock("2026-06-04T10:01", LONDON);
        applyStatus(deliveryStatus(request, DeliveryStatus.DELIVERED, null, false));
        setClock("2026-06-04T10:06", LONDON);
        text(customerId, "Rex is eating again, thank you", at("2026-06-04T10:05", LONDON)).answering(request).send();
        await().atMost(KAFKA).until(() -> replies(customerId).size() == 1);
        setClock("2026-06-04T10:30", LONDON);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ANSWERED", "completedBy", "Dr. Amy Patel"))
                .when().post("/worklist/" + replies(customerId).get(0).id + "/complete").then().statusCode(200);

        List<String> conversation = given().when().get("/customers/" + customerId + "/timeline")
                .then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.kind in ['FIRED', 'DELIVERY', 'MESSAGE_RECEIVED', 'COMPLETED'] }"
                        + ".collect { it.kind + ' ' + it.templateKey + ': ' + it.detail }", String.class);
        assertEquals(List.of(
                "FIRED feedback-request: NotificationRequested " + request.notificationId + " (feedback-request)",
                "DELIVERY feedback-request: DELIVERED",
                "MESSAGE_RECEIVED reply: SMS reply received: Rex is eating again, thank you",
                "COMPLETED reply: ANSWERED (Dr. Amy Patel)"), conversation);
    }

    @Test
    void shouldForgetTheMessagesOfAnErasedHousehold() {
        setClock("2026-06-01T11:00", LONDON);
        UUID customerId = UUID.randomUUID();
        apply(household(customerId).consents(Channel.SMS).registered());
        text(customerId, "Please delete everything you hold about us", at("2026-06-01T10:59", LONDON)).send();
        await().atMost(KAFKA).until(() -> replies(customerId).size() == 1);

        apply(new EventEnvelope(UUID.randomUUID(), "CustomerErased", 1, Instant.now(), customerId, "erase-" + customerId,
                Events.mapper().createObjectNode().put("customerId", customerId.toString()).put("erasedAt", Instant.now().toString())));

        assertEquals(List.of(), tasks(customerId));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> CustomerMessage.count("customerId", customerId)
                + TaskEvent.count("customerId", customerId)));
    }

    @Test
    void shouldDeadLetterAMessageAboutAHouseholdNeverRegisteredAndGoOn() {
        setClock("2026-06-01T11:00", LONDON);
        UUID stranger = UUID.randomUUID();
        String record = Events.write(text(stranger, "hello? who is this", at("2026-06-01T10:58", LONDON)).envelope());
        UUID known = UUID.randomUUID();
        apply(household(known).consents(Channel.SMS).registered());
        KafkaTestClient.send(Topics.CUSTOMER_MESSAGES, stranger.toString(), record);
        // Behind it on the same partition: a message that must still be handled.
        KafkaTestClient.send(Topics.CUSTOMER_MESSAGES, stranger.toString(),
                Events.write(text(known, "Is Bella due her booster?", at("2026-06-01T10:59", LONDON)).envelope()));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readAll(Topics.DEAD_LETTER, KAFKA,
                records -> records.stream().anyMatch(r -> record.equals(r.value())));
        ConsumerRecord<String, String> letter = dead.stream().filter(r -> record.equals(r.value())).findFirst().orElseThrow();
        String reason = new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.startsWith("followup.customer-messages: message "), reason);
        assertTrue(reason.endsWith("of whom no CustomerRegistered event was seen"), reason);
        assertFalse(reason.contains("hello?"), "a customer's words never go into a dead-letter reason");
        assertEquals(Topics.CUSTOMER_MESSAGES, new String(letter.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        await().atMost(KAFKA).until(() -> replies(known).size() == 1);
    }

    /** A household that agreed to SMS only, with Rex; its feedback request went out by SMS on Thursday 2026-06-04 at 10:00. */
    private FollowupTask feedbackRequestTexted(UUID customerId, String name) {
        setClock("2026-06-01T12:00", LONDON); // Monday
        UUID petId = UUID.randomUUID();
        apply(household(customerId).name(name).consents(Channel.SMS).registered(), petRegistered(pet(customerId, petId, "Rex", null)),
                visit(customerId, petId, "wellness", local("2026-06-01T10:00", LONDON), null).recorded());
        setClock("2026-06-04T10:00", LONDON);
        fireDue();
        FollowupTask request = task(customerId, "feedback-request");
        assertEquals(Status.FIRED, request.status);
        assertEquals("SMS", request.channel);
        return request;
    }

    private static List<FollowupTask> replies(UUID customerId) {
        return tasks(customerId).stream().filter(FollowupTask::isReply).toList();
    }

    private static List<CustomerMessage> thread(UUID itemId) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerMessage.<CustomerMessage>list("replyTaskId = ?1 order by receivedAt", itemId));
    }

    private static List<Feedback> feedback(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> Feedback.<Feedback>list("customerId = ?1 order by receivedAt", customerId));
    }
}
