package dev.tend.systemtests;

import dev.tend.infra.CaughtMail;
import dev.tend.infra.PrintFolder.PrintedPiece;
import dev.tend.infra.SentSms;
import dev.tend.systemtests.Journey.Household;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.tend.systemtests.Journey.eventually;
import static dev.tend.systemtests.Journey.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer journeys of issue #7, each through the three packaged services on the real broker, database, SMTP
 * catcher, SMS stand-in and print folder. Time is not faked: {@link JourneySystem} runs the journeys playbook, whose
 * steps are seconds apart, in a clinic that never closes. Each journey has a household of its own, so they run side
 * by side and the class takes about as long as its longest journey.
 */
@Execution(ExecutionMode.CONCURRENT)
class JourneysIT {

    /** Longer than the playbook's latest visit step (the how-are-we-doing, 40 s after the visit), with a margin. */
    private static final Duration PAST_EVERY_VISIT_STEP = Duration.ofSeconds(50);

    private static Journey journey;

    @BeforeAll
    static void startTheJourneySystem() {
        journey = new Journey(JourneySystem.get());
    }

    /** Journey 1: the clinic's week after a surgery. */
    @Test
    void shouldCheckInAfterSurgeryEscalateAConcernPrintTheRecheckCardWithThePetsPhotoAndTextTheReminder() {
        Household household = journey.household("Ana Souza", "+447400123101", List.of("EMAIL", "SMS", "POST"), List.of());
        String biscuit = journey.pet(household, "Biscuit", "dog", null);
        String photoUrl = journey.photo(biscuit, new Color(200, 140, 60));
        LocalDate recheck = today().plusDays(10);
        journey.visit(household, biscuit, "surgery", "a cruciate ligament repair", recheck);

        // The next-day check-in call is on the worklist, with what the nurse should read first.
        Map<String, Object> checkin = eventually().until(() -> one(journey.worklist(household), "surgery-checkin"), c -> c != null);
        assertEquals("nurses", checkin.get("team"));
        assertEquals("Biscuit", path(checkin, "pets", 0, "name"));
        assertEquals("a cruciate ligament repair", path(checkin, "lastVisits", 0, "reason"));
        assertEquals("Dr. Maya Patel", path(checkin, "lastVisits", 0, "staffMember"));
        assertEquals(recheck.toString(), path(checkin, "lastVisits", 0, "recheckDate"));
        assertEquals("Ana Souza", path(checkin, "household", "name"));

        // The owner is worried: the concern becomes an escalation call, which knows about the first call.
        Map<String, Object> done = journey.complete(checkin.get("taskId"), "CONCERN", "the wound looks red");
        assertEquals("DONE", done.get("status"));
        Map<String, Object> escalation = eventually().until(() -> one(journey.worklist(household), "escalation"), c -> c != null);
        assertTrue(((String) escalation.get("reason")).contains("the wound looks red"), escalation.toString());
        assertEquals("CONCERN", path(escalation, "earlierCalls", 0, "outcome"));
        assertFalse(journey.worklist(household).stream().anyMatch(c -> "surgery-checkin".equals(c.get("templateKey"))),
                "the completed check-in left the worklist");

        // The recheck postcard is printed with Biscuit's own photo on its front...
        PrintedPiece card = eventually().until(() -> onlyPiece(journey.printedFor(household), "recheck-postcard"), p -> p != null);
        assertEquals(photoUrl, card.manifestEntry().path("photo").path("url").asText(), card.manifestEntry().toString());
        List<PDImageXObject> front = Journey.images(card, card.frontPage());
        assertEquals(1, front.size(), "one photo on the front");
        assertEquals(1875, front.get(0).getWidth(), "the photo resampled to 300 dpi at 6.25 in");
        assertEquals(1275, front.get(0).getHeight());
        assertTrue(Journey.images(card, card.backPage()).isEmpty(), "the back carries no photo");
        String back = Journey.text(card, card.backPage());
        assertTrue(back.contains("Biscuit") && saysDate(back, recheck), back);

        // ...and the reminder is texted.
        SentSms reminder = eventually().until(() -> journey.textsTo(household), texts -> !texts.isEmpty()).get(0);
        assertTrue(reminder.body().contains("Biscuit") && saysDate(reminder.body(), recheck), reminder.body());
        eventually().untilAsserted(() -> {
            Map<String, Object> sms = journey.tasks(household, "recheck/reminder").get(0);
            assertEquals("SMS", sms.get("channel"));
            assertEquals("SENT", sms.get("deliveryStatus"));
        });
    }

    /** Journey 2: loss. */
    @Test
    void shouldPrintASympathyCardCancelThePetsRemindersAndSendNothingElseWhileTheHouseholdGrieves() {
        Household household = journey.household("Ben Carter", "+447400123102", List.of("EMAIL", "SMS", "POST"), List.of());
        String biscuit = journey.pet(household, "Biscuit", "dog", null);
        Instant visitedAt = Instant.now();
        journey.visit(household, biscuit, "surgery", "a tumour removal", today().plusDays(14));
        journey.visit(household, null, "consultation", "a diet consultation", null);
        eventually().until(() -> journey.tasks(household).size() == 5);

        journey.died(biscuit, LocalDate.now().minusDays(1));

        PrintedPiece sympathy = eventually().until(() -> onlyPiece(journey.printedFor(household), "sympathy-card"), p -> p != null);
        assertTrue(Journey.text(sympathy, sympathy.backPage()).contains("Biscuit"));
        eventually().untilAsserted(() -> {
            for (String rule : List.of("surgery-checkin/checkin-call", "recheck/postcard", "recheck/reminder")) {
                Map<String, Object> task = journey.tasks(household, rule).get(0);
                assertEquals("CANCELLED", task.get("status"), rule);
                assertEquals("Biscuit died", task.get("statusReason"), rule);
            }
            List<Map<String, Object>> feedback = journey.tasks(household, "feedback/how-are-we-doing");
            assertEquals(2, feedback.size());
            assertTrue(feedback.stream().anyMatch(t -> "CANCELLED".equals(t.get("status"))), feedback.toString());
            assertTrue(feedback.stream().anyMatch(t -> "SUPPRESSED".equals(t.get("status"))
                    && ((String) t.get("statusReason")).startsWith("the household is in bereavement until")), feedback.toString());
            assertEquals("PENDING", journey.tasks(household, "pet-died/bereavement-call").get(0).get("status"));
        });

        // Their other pet's birthday comes up during the bereavement window: no card.
        LocalDate tomorrow = today().plusDays(1);
        journey.pet(household, "Pepper", "cat", tomorrow.minusYears(3));
        Map<String, Object> birthday = eventually().until(() -> journey.tasks(household, "pet-birthday/birthday-card"),
                tasks -> !tasks.isEmpty()).get(0);
        assertEquals("SUPPRESSED", birthday.get("status"));
        assertTrue(((String) birthday.get("statusReason")).startsWith("the household is in bereavement until"), birthday.toString());

        // The timeline says why each one did not happen.
        List<Map<String, Object>> timeline = journey.timeline(household);
        assertTrue(timeline.stream().anyMatch(e -> "CANCELLED".equals(e.get("kind")) && "recheck-reminder".equals(e.get("templateKey"))
                && "Biscuit died".equals(e.get("detail"))), timeline.toString());
        assertTrue(timeline.stream().anyMatch(e -> "SUPPRESSED".equals(e.get("kind")) && "pet-birthday-card".equals(e.get("templateKey"))
                && ((String) e.get("detail")).contains("bereavement")), timeline.toString());
        assertTrue(timeline.stream().anyMatch(e -> "SUPPRESSED".equals(e.get("kind")) && "feedback-request".equals(e.get("templateKey"))
                && ((String) e.get("detail")).contains("bereavement")), timeline.toString());
        assertTrue(timeline.stream().anyMatch(e -> "FIRED".equals(e.get("kind")) && "sympathy-card".equals(e.get("templateKey"))),
                timeline.toString());

        // Until every step of the visits would have been due, and after: the sympathy card is all that reached them.
        Duration left = Duration.between(Instant.now(), visitedAt.plus(PAST_EVERY_VISIT_STEP));
        await().during(left.isNegative() ? Duration.ofSeconds(3) : left).atMost(left.plus(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> journey.mailTo(household).isEmpty() && journey.textsTo(household).isEmpty()
                        && journey.printedFor(household).size() == 1);
    }

    /** Journey 3: opting out of texts, and back in. */
    @Test
    void shouldStopTextingAfterStopFallBackToEmailAndTextAgainAfterStart() {
        Household household = journey.household("Chloe Dubois", "+447400123103", List.of("EMAIL", "SMS"), List.of("SMS"));
        String luna = journey.pet(household, "Luna", "dog", null);
        journey.visit(household, luna, "wellness", "her annual check", null);
        SentSms first = eventually().until(() -> journey.textsTo(household), texts -> !texts.isEmpty()).get(0);
        assertTrue(first.body().contains("how did we do"), first.body());

        journey.texts(household, "STOP");
        Instant stopped = Instant.now();
        eventually().until(() -> Boolean.FALSE.equals(journey.consent(household, "SMS")));

        // The recheck reminder would be a text: it comes by email instead, and no text follows.
        LocalDate recheck = today().plusDays(7);
        journey.visit(household, luna, "dental", "a tooth extraction", recheck);
        CaughtMail reminder = eventually().until(() -> mail(journey.mailTo(household), "Luna's recheck is coming up"), m -> m != null);
        assertTrue(saysDate(reminder.textBody(), recheck), reminder.textBody());
        eventually().untilAsserted(() -> {
            Map<String, Object> task = journey.tasks(household, "recheck/reminder").get(0);
            assertEquals("EMAIL", task.get("channel"));
            assertEquals("SENT", task.get("deliveryStatus"));
        });
        assertTrue(journey.textsTo(household).stream().noneMatch(t -> t.receivedAt().isAfter(stopped)),
                "no text after STOP: " + journey.textsTo(household));

        journey.texts(household, "START");
        eventually().until(() -> Boolean.TRUE.equals(journey.consent(household, "SMS")));
        journey.visit(household, luna, "dental", "a check of the extraction site", recheck.plusDays(7));
        SentSms again = eventually().until(() -> textSaying(journey.textsTo(household), recheck.plusDays(7)), t -> t != null);
        assertTrue(again.receivedAt().isAfter(stopped));
    }

    /** Journey 4: unsubscribing from email with the link in an email. */
    @Test
    void shouldStopEmailingAfterTheOneClickUnsubscribeAndStillText() {
        Household household = journey.household("Dev Mehta", "+447400123104", List.of("EMAIL", "SMS"), List.of("EMAIL"));
        String milo = journey.pet(household, "Milo", "cat", null);
        journey.visit(household, milo, "wellness", "his vaccinations", null);
        CaughtMail request = eventually().until(() -> mail(journey.mailTo(household), "How are we doing?"), m -> m != null);

        // The mail client's one-click unsubscribe (RFC 8058): a POST to the List-Unsubscribe link.
        String link = request.headers().get("List-Unsubscribe").get(0).replaceAll("^.*<(http[^>]+)>.*$", "$1");
        assertEquals(List.of("List-Unsubscribe=One-Click"), request.headers().get("List-Unsubscribe-Post"));
        assertTrue(request.textBody().contains(link), "the footer carries the same link: " + request.textBody());
        given().when().get(link).then().statusCode(200).body(containsString("<form method=\"post\">"));
        assertEquals(Boolean.TRUE, journey.consent(household, "EMAIL"), "opening the link changes nothing");
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .when().post(link).then().statusCode(200).body(containsString("You are unsubscribed"));
        eventually().until(() -> Boolean.FALSE.equals(journey.consent(household, "EMAIL")));

        // The next visit's reminder and feedback request, email first for this household, come by text instead.
        LocalDate recheck = today().plusDays(5);
        journey.visit(household, milo, "dental", "a scale and polish", recheck);
        eventually().until(() -> textSaying(journey.textsTo(household), recheck) != null);
        eventually().until(() -> text(journey.textsTo(household), "how did we do") != null);
        eventually().untilAsserted(() -> {
            Map<String, Object> reminder = journey.tasks(household, "recheck/reminder").get(0);
            assertEquals("SMS", reminder.get("channel"));
            assertEquals("SENT", reminder.get("deliveryStatus"));
        });
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() ->
                journey.mailTo(household).stream().map(CaughtMail::messageId).toList().equals(List.of(request.messageId())));
    }

    /** Journey 5: a complaint heard, resolved, and confirmed. */
    @Test
    void shouldTurnANegativeAnswerIntoAResolveCallWhoseClosingSchedulesTheConfirmationCall() {
        Household household = journey.household("Eve Novak", "+447400123105", List.of("EMAIL"), List.of());
        String rex = journey.pet(household, "Rex", "dog", null);
        journey.visit(household, rex, "vaccination", "his booster", null);
        eventually().until(() -> mail(journey.mailTo(household), "How are we doing?") != null);
        Object request = journey.tasks(household, "feedback/how-are-we-doing").get(0).get("id");

        journey.feedback(household, request, 1, "we waited an hour and nobody told us why");

        Map<String, Object> resolve = eventually().until(() -> one(journey.worklist(household), "feedback-resolution"), c -> c != null);
        assertTrue(((String) resolve.get("reason")).contains("rated 1/5: we waited an hour"), resolve.toString());
        assertEquals(1, path(resolve, "feedback", 0, "rating"));
        assertEquals("Rex", path(resolve, "pets", 0, "name"));

        Map<String, Object> closed = journey.complete(resolve.get("taskId"), "REACHED", "apologised; a vet will explain the delay");
        assertEquals("DONE", closed.get("status"));
        Map<String, Object> confirmation = journey.tasks(household, "feedback-confirmation").stream().findFirst().orElse(null);
        assertNotNull(confirmation, "a confirmation call is scheduled: " + journey.tasks(household));
        assertEquals("PENDING", confirmation.get("status"));
        Instant completedAt = Instant.parse((String) journey.tasks(household, "feedback-resolution").get(0).get("completedAt"));
        // Seven business days later at opening time; in this clinic every day is a business day and it opens at midnight.
        Instant expected = completedAt.atZone(Journey.LONDON).toLocalDate().plusDays(7).atStartOfDay(Journey.LONDON).toInstant();
        assertEquals(expected, Instant.parse((String) confirmation.get("dueAt")));
        assertTrue(journey.worklist(household).isEmpty(), "nothing left on today's worklist: " + journey.worklist(household));
    }

    /** Journey 7: one household, two pets, rechecks in the same week. */
    @Test
    void shouldPrintOnePostcardForBothPetsWhenTheirRechecksFallInTheSameWeek() {
        Household household = journey.household("Farah Ali", "+447400123107", List.of("EMAIL", "POST"), List.of());
        String biscuit = journey.pet(household, "Biscuit", "dog", null);
        String pepper = journey.pet(household, "Pepper", "cat", null);
        String biscuitPhoto = journey.photo(biscuit, new Color(90, 120, 200));
        journey.photo(pepper, new Color(60, 160, 90));
        journey.visit(household, biscuit, "dental", "a scale and polish", today().plusDays(3));
        journey.visit(household, pepper, "dental", "a tooth extraction", today().plusDays(5));

        PrintedPiece card = eventually().until(() -> onlyPiece(journey.printedFor(household), "recheck-postcard"), p -> p != null);
        String back = Journey.text(card, card.backPage()).replaceAll("\\s+", " ");
        assertTrue(back.contains("Biscuit and Pepper are due back to see us"), "the card names both pets, joined as English joins them: " + back);
        assertEquals(biscuitPhoto, card.manifestEntry().path("photo").path("url").asText());
        assertEquals(1, Journey.images(card, card.frontPage()).size());
        List<Map<String, Object>> cards = journey.tasks(household, "recheck/postcard");
        assertEquals(2, cards.size());
        assertTrue(cards.stream().anyMatch(t -> "MERGED".equals(t.get("status"))), cards.toString());
        assertTrue(cards.stream().anyMatch(t -> "FIRED".equals(t.get("status")) && ((List<?>) t.get("petIds")).size() == 2),
                cards.toString());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20))
                .until(() -> journey.printedFor(household).size() == 1);
    }

    /** The listening loop (issue #12): a texted complaint reaches a person, who answers it on the customer's phone. */
    @Test
    void shouldPutATextedComplaintOnTheWorklistWithItsThreadAndTextTheStaffAnswerBack() {
        Household household = journey.household("Gil Moreau", "+447400123108", List.of("SMS"), List.of("SMS"));
        String juno = journey.pet(household, "Juno", "cat", null);
        journey.visit(household, juno, "wellness", "her annual check", null);
        SentSms request = eventually().until(() -> text(journey.textsTo(household), "how did we do"), t -> t != null);

        String complaint = "Juno came home with a sore paw and nobody mentioned it";
        journey.texts(household, complaint);

        // A reply item on the worklist, with the thread: what it answers and what they wrote.
        Map<String, Object> reply = eventually().until(() -> journey.worklist(household).stream()
                .filter(c -> "REPLY".equals(c.get("kind"))).findFirst().orElse(null), c -> c != null);
        assertEquals(complaint, path(reply, "conversation", "messages", 0, "body"));
        assertEquals("SMS", path(reply, "conversation", "messages", 0, "channel"));
        assertEquals("feedback-request", path(reply, "conversation", "messages", 0, "inReplyTo", "templateKey"));
        assertEquals("Juno", path(reply, "pets", 0, "name"));
        assertEquals("Gil Moreau", path(reply, "household", "name"));

        // Staff answer; the answer reaches the phone the complaint came from.
        String answer = "We're sorry, Gil. A vet will call you today about Juno's paw.";
        Map<String, Object> sent = journey.answer(household, answer);
        assertEquals("SMS", sent.get("channel"), sent.toString());
        assertEquals("staff-message", sent.get("templateKey"));
        SentSms onThePhone = eventually().until(() -> text(journey.textsTo(household), "Juno's paw"), t -> t != null);
        assertTrue(onThePhone.body().contains(answer), onThePhone.body());
        assertTrue(onThePhone.receivedAt().isAfter(request.receivedAt()));

        Map<String, Object> done = journey.complete(reply.get("taskId"), "ANSWERED", "texted back, vet to call");
        assertEquals("DONE", done.get("status"));
        assertTrue(journey.worklist(household).isEmpty(), "nothing left on the worklist: " + journey.worklist(household));

        // The timeline tells it in order: the request went out, they wrote back, a person answered.
        List<Map<String, Object>> timeline = journey.timeline(household);
        int fired = indexOf(timeline, e -> "FIRED".equals(e.get("kind")) && "feedback-request".equals(e.get("templateKey")));
        int received = indexOf(timeline, e -> "MESSAGE_RECEIVED".equals(e.get("kind"))
                && ((String) e.get("detail")).equals("SMS reply received: " + complaint));
        int completed = indexOf(timeline, e -> "COMPLETED".equals(e.get("kind"))
                && "ANSWERED: texted back, vet to call (Sam at the front desk)".equals(e.get("detail")));
        assertTrue(fired >= 0 && received > fired && completed > received,
                "fired " + fired + ", received " + received + ", completed " + completed + ": " + timeline);
    }

    private static int indexOf(List<Map<String, Object>> timeline, Predicate<Map<String, Object>> entry) {
        for (int i = 0; i < timeline.size(); i++) {
            if (entry.test(timeline.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> one(List<Map<String, Object>> calls, String templateKey) {
        return calls.stream().filter(c -> templateKey.equals(c.get("templateKey"))).findFirst().orElse(null);
    }

    private static PrintedPiece onlyPiece(List<PrintedPiece> pieces, String templateKey) {
        List<PrintedPiece> matching = pieces.stream().filter(p -> templateKey.equals(p.templateKey())).toList();
        if (matching.size() > 1) {
            throw new AssertionError("more than one " + templateKey + " printed: " + matching);
        }
        return matching.isEmpty() ? null : matching.get(0);
    }

    private static CaughtMail mail(List<CaughtMail> mails, String subject) {
        return mails.stream().filter(m -> subject.equals(m.subject())).findFirst().orElse(null);
    }

    /** Messages write dates in words, in the household's language ("Friday 4 December", "sexta-feira, 4 de dezembro"). */
    private static boolean saysDate(String text, LocalDate date) {
        return java.util.stream.Stream.of(java.util.Locale.UK, java.util.Locale.forLanguageTag("pt-PT"), java.util.Locale.forLanguageTag("es"))
                .map(locale -> java.time.format.DateTimeFormatter.ofPattern(
                        locale.getLanguage().equals("en") ? "d MMMM" : "d 'de' MMMM", locale).format(date))
                .anyMatch(text::contains);
    }

    private static SentSms textSaying(List<SentSms> texts, LocalDate date) {
        return texts.stream().filter(t -> saysDate(t.body(), date)).findFirst().orElse(null);
    }

    private static SentSms text(List<SentSms> texts, String containing) {
        return texts.stream().filter(t -> t.body().contains(containing)).findFirst().orElse(null);
    }

    /** A value down a JSON tree of maps and lists: {@code path(call, "pets", 0, "name")}. */
    private static Object path(Object node, Object... steps) {
        Object current = node;
        for (Object step : steps) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer index
                    ? (index < ((List<?>) current).size() ? ((List<?>) current).get(index) : null)
                    : ((Map<?, ?>) current).get(step);
        }
        return current;
    }
}
