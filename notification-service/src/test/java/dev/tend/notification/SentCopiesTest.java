package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.CaughtMail;
import dev.tend.testsupport.KafkaTestClient;
import dev.tend.testsupport.MailCatcherResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copy of every email (Bcc to the reply mailbox) is what tells, after a crash left an email's outcome unknown,
 * whether the mail server took it: found, it is not sent again; missing, it is. The crash is the state a process
 * killed between the server's "250 OK" and the recorded outcome leaves behind: the row still SENDING, its in-flight
 * time over (the fault suite, FaultInjectionIT, kills the real process).
 */
@QuarkusTest
@NotificationServiceTestResource
class SentCopiesTest {

    @Inject
    EntityManager entityManager;

    private static EventEnvelope thankYou(UUID customerId, String email) {
        return request(customerId, Channel.EMAIL, "visit-thank-you",
                new Recipient("Mia Wong", email, null, null, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "visitReason", "a dental clean", "staffMember", "Dr. Sam Ortiz",
                        "petName", "Biscuit"));
    }

    /** Every delivery to the address, resends included (they share a Message-ID). */
    private static List<CaughtMail> deliveredTo(String address) {
        return MailCatcherResource.catcher().deliveries().stream().filter(m -> m.to().contains(address)).toList();
    }

    private static Notification notification(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id));
    }

    private static Instant copyCameBack(UUID id) {
        return notification(id).sentCopyReceivedAt;
    }

    private static boolean sent(UUID id) {
        Notification notification = notification(id);
        return notification != null && "SENT".equals(notification.status);
    }

    private UUID sentEmail(String address) {
        UUID customerId = household(address, null, Channel.EMAIL);
        EventEnvelope request = thankYou(customerId, address);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);
        UUID id = notificationId(request);
        await().atMost(WAIT).until(() -> sent(id) && copyCameBack(id) != null);
        return id;
    }

    /** What a process killed right after handing the email to the server leaves: SENDING, its in-flight time over. */
    private void crashedWhileSending(UUID id, boolean copyCameBack) {
        crashedWhileSending(id, copyCameBack, Duration.ofSeconds(-1));
    }

    private void crashedWhileSending(UUID id, boolean copyCameBack, Duration dueIn) {
        Instant now = SettableClock.INSTANCE.instant();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        UPDATE notification SET status = 'SENDING', provider_message_id = NULL, sent_at = NULL,
                            attempt_started_at = :started, next_attempt_at = :due,
                            sent_copy_received_at = CASE WHEN :keep THEN sent_copy_received_at END
                        WHERE id = :id""")
                .setParameter("started", now.minus(Duration.ofHours(1)))
                .setParameter("due", now.plus(dueIn))
                .setParameter("keep", copyCameBack)
                .setParameter("id", id)
                .executeUpdate());
    }

    private void dueNow(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE notification SET next_attempt_at = :due WHERE id = :id")
                .setParameter("due", SettableClock.INSTANCE.instant().minusSeconds(1))
                .setParameter("id", id)
                .executeUpdate());
    }

    private static byte[] raw(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldRecordTheCopyOfEveryEmailAndNeverShowItAsAReply() {
        String address = "copied-" + UUID.randomUUID() + "@example.com";
        UUID id = sentEmail(address);

        assertNotNull(copyCameBack(id));
        assertEquals(1, deliveredTo(address).size(), "the copy is not a delivery to the client");
        assertNull(QuarkusTransaction.requiringNew().call(() -> InboundMessage.<InboundMessage>find(
                "providerMessageId", "<" + id + "@tend>").firstResult()), "the copy is not stored as a reply");
    }

    @Test
    void shouldNotSendAgainAnEmailWhoseCopyCameBackAfterACrash() {
        String address = "taken-" + UUID.randomUUID() + "@example.com";
        UUID id = sentEmail(address);
        crashedWhileSending(id, true);

        await().atMost(WAIT).until(() -> sent(id));
        assertEquals("<" + id + "@tend>", notification(id).providerMessageId);
        assertEquals(1, deliveredTo(address).size(), "the server took it the first time: not sent again");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tend_notification_reconciled_total{channel=\"EMAIL\",outcome=\"found\"}"));
    }

    @Test
    void shouldSendAgainWhenNoCopyCameBackAndNotBeFooledByAForgedOne() {
        String address = "lost-" + UUID.randomUUID() + "@example.com";
        UUID id = sentEmail(address);
        crashedWhileSending(id, false, Duration.ofHours(1));
        // A mail claiming to be the copy, with our Message-ID but no signed Reply-To: it proves nothing. A reply
        // behind it shows when the mailbox has been read past it.
        MailCatcherResource.catcher().deliverToReplyMailbox(raw(
                "From: Tend <hello@tend.local>",
                "To: " + address,
                "Reply-To: reply+" + id.toString().replace("-", "") + "00000000000000000000@reply.tend.local",
                "Subject: Thank you for your visit today",
                "Message-ID: <" + id + "@tend>",
                "",
                "Not the copy."));
        String behind = "<" + UUID.randomUUID() + "@mail.example.com>";
        MailCatcherResource.catcher().deliverToReplyMailbox(raw(
                "From: " + address,
                "To: " + dev.tend.infra.MailCatcher.REPLY_MAILBOX,
                "Subject: Re: Thank you",
                "Message-ID: " + behind,
                "",
                "Thank you!"));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.count("providerMessageId", behind)) == 1);
        assertNull(copyCameBack(id), "a copy without a signed Reply-To does not count");
        dueNow(id);

        await().atMost(WAIT).until(() -> deliveredTo(address).size() == 2);
        await().atMost(WAIT).until(() -> sent(id) && copyCameBack(id) != null);
        List<CaughtMail> deliveries = deliveredTo(address);
        assertTrue(deliveries.stream().allMatch(m -> ("<" + id + "@tend>").equals(m.messageId())),
                "sent again with the same Message-ID, so a receiving system can still drop it");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tend_notification_reconciled_total{channel=\"EMAIL\",outcome=\"resent\"}"));
    }
}
