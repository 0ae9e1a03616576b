package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.CaughtMail;
import dev.tend.notification.rest.InboundMailWebhookResource;
import dev.tend.testsupport.KafkaTestClient;
import dev.tend.testsupport.MailCatcherResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static dev.tend.notification.Fixtures.statuses;
import static dev.tend.notification.InboundSmsTest.messagesFor;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Email replies through the IMAP reply mailbox and the inbound-mail webhook: replies, auto-replies and bounces. */
@QuarkusTest
@NotificationServiceTestResource
class InboundEmailTest {

    private static final String WEBHOOK_KEY = "test-inbound-mail-key";
    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static EventEnvelope feedbackRequest(UUID customerId, String email) {
        return request(customerId, Channel.EMAIL, "feedback-request",
                new Recipient("Mia Wong", email, null, null, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "petName", "Biscuit"));
    }

    /** Sends a feedback request and returns the Reply-To address the caught mail carries. */
    private static String sentReplyTo(UUID customerId, String email, EventEnvelope request) {
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);
        await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        CaughtMail mail = mailTo(email).get(0);
        String replyTo = mail.headers().get("Reply-To").get(0);
        assertTrue(replyTo.matches("reply\\+[0-9a-f]{52}@reply\\.tend\\.local"), replyTo);
        return replyTo;
    }

    private static List<CaughtMail> mailTo(String address) {
        return MailCatcherResource.catcher().messages().stream().filter(m -> m.to().contains(address)).toList();
    }

    private static byte[] raw(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String messageId() {
        return "<" + UUID.randomUUID() + "@mail.example.com>";
    }

    private static InboundMessage stored(String providerMessageId) {
        return QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.<InboundMessage>find("providerMessageId", providerMessageId).firstResult());
    }

    @Test
    void shouldPublishAnImapReplyFromAnotherAddressWithItsQuoteAndSignatureStrippedAndItsPhotoKept() {
        String email = "mia-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(email, null, Channel.EMAIL);
        EventEnvelope request = feedbackRequest(customerId, email);
        String replyTo = sentReplyTo(customerId, email, request);

        MailCatcherResource.catcher().deliverToReplyMailbox(raw(
                "From: Mia at work <mia.wong@work.example.org>",
                "To: " + replyTo,
                "Subject: Re: How are we doing?",
                "Message-ID: " + messageId(),
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Biscuit is doing great, thank you! Nurse Jo was wonderful =E2=9D=A4",
                "",
                "-- ",
                "Mia Wong | Accounts",
                "",
                "On Tue, 3 Mar 2026 at 09:00, Tend Veterinary Clinic <hello@tend.local> wrote:",
                "> Dear Mia Wong,",
                "> How did we do with Biscuit?",
                "--b1",
                "Content-Type: image/png; name=\"biscuit.png\"",
                "Content-Disposition: attachment; filename=\"biscuit.png\"",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getEncoder().encodeToString(PNG),
                "--b1",
                "Content-Type: application/x-msdownload; name=\"invoice.exe\"",
                "Content-Disposition: attachment; filename=\"invoice.exe\"",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getEncoder().encodeToString("MZ not a picture".getBytes(StandardCharsets.US_ASCII)),
                "--b1--"));

        EventEnvelope message = messagesFor(customerId, 1).get(0);
        var data = message.data();
        assertEquals("EMAIL", data.path("channel").asText());
        assertEquals("mia.wong@work.example.org", data.path("from").asText());
        assertEquals("Biscuit is doing great, thank you! Nurse Jo was wonderful \u2764", data.path("body").asText());
        assertEquals(notificationId(request).toString(), data.path("inReplyTo").path("notificationId").asText());
        assertEquals("feedback-request", data.path("inReplyTo").path("templateKey").asText());
        assertEquals(1, data.path("attachments").size(), data.toString());
        var photo = data.path("attachments").get(0);
        assertEquals("biscuit.png", photo.path("fileName").asText());
        assertEquals("image/png", photo.path("contentType").asText());
        String path = photo.path("url").asText().replace("http://localhost:8083", "");
        byte[] served = given().header("Authorization", "").when().get(path).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        assertArrayEquals(PNG, served);
        given().when().get("/inbound-messages/" + data.path("messageId").asText()).then().statusCode(200)
                .body("statusReason", containsString("invoice.exe"));
        await().atMost(WAIT).until(() -> MailCatcherResource.catcher().messages().stream()
                .noneMatch(m -> m.to().contains(replyTo)));
    }

    @Test
    void shouldPublishAWebhookReplyInHtmlOnlyWithThePortugueseQuoteStripped() {
        String email = "ana-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(email, null, Channel.EMAIL);
        EventEnvelope request = feedbackRequest(customerId, email);
        String replyTo = sentReplyTo(customerId, email, request);
        byte[] reply = raw(
                "From: Ana Souza <" + email + ">",
                "To: Tend <" + replyTo + ">",
                "Subject: Re: How are we doing?",
                "Message-ID: " + messageId(),
                "MIME-Version: 1.0",
                "Content-Type: text/html; charset=ISO-8859-1",
                "Content-Transfer-Encoding: 8bit",
                "",
                "<html><body><p>Correu tudo muito bem, obrigada &amp; at\u00e9 breve!</p>",
                "<div>Em ter., 3 de mar. de 2026 \u00e0s 09:00, Tend &lt;hello@tend.local&gt; escreveu:</div>",
                "<blockquote><p>Dear Ana, how did we do?</p></blockquote></body></html>");

        given().header("Authorization", "").contentType("message/rfc822").body(reply)
                .when().post("/webhooks/email/inbound").then().statusCode(403).body("field", equalTo("X-Tend-Signature"));
        given().header("Authorization", "").contentType("message/rfc822").body(reply)
                .header("X-Tend-Signature", InboundMailWebhookResource.sign(WEBHOOK_KEY, reply))
                .when().post("/webhooks/email/inbound").then().statusCode(204);
        given().header("Authorization", "").contentType("message/rfc822").body(reply)
                .header("X-Tend-Signature", InboundMailWebhookResource.sign(WEBHOOK_KEY, reply))
                .when().post("/webhooks/email/inbound").then().statusCode(204);

        List<EventEnvelope> messages = messagesFor(customerId, 1);
        assertEquals("Correu tudo muito bem, obrigada & at\u00e9 breve!", messages.get(0).data().path("body").asText());
        assertEquals(notificationId(request).toString(), messages.get(0).data().path("inReplyTo").path("notificationId").asText());
        assertEquals(1, messages.size());
    }

    @Test
    void shouldRecordAnOutOfOfficeWithoutPublishingIt() {
        String email = "away-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(email, null, Channel.EMAIL);
        String replyTo = sentReplyTo(customerId, email, feedbackRequest(customerId, email));
        String autoReplyId = messageId();

        MailCatcherResource.catcher().deliverToReplyMailbox(raw(
                "From: " + email,
                "To: " + replyTo,
                "Subject: Automatic reply: How are we doing?",
                "Auto-Submitted: auto-replied",
                "Message-ID: " + autoReplyId,
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "I am away until Monday."));
        await().atMost(WAIT).until(() -> stored(autoReplyId) != null);
        MailCatcherResource.catcher().deliverToReplyMailbox(raw(
                "From: " + email,
                "To: " + replyTo,
                "Subject: Re: How are we doing?",
                "Message-ID: " + messageId(),
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Back now: all good, thanks."));

        List<EventEnvelope> messages = messagesFor(customerId, 1);
        assertEquals(List.of("Back now: all good, thanks."), messages.stream().map(m -> m.data().path("body").asText()).toList());
        InboundMessage autoReply = stored(autoReplyId);
        assertEquals("AUTO_REPLY", autoReply.status);
        assertTrue(autoReply.statusReason.contains("Auto-Submitted"), autoReply.statusReason);
    }

    @Test
    void shouldFailTheEmailAndSuppressTheAddressWhenADeliveryStatusNotificationSaysItBounced() {
        String email = "gone-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(email, null, Channel.EMAIL);
        EventEnvelope request = feedbackRequest(customerId, email);
        sentReplyTo(customerId, email, request);
        assertEquals("SENT", statuses(customerId, 1).get(0).data().path("status").asText());

        MailCatcherResource.catcher().deliverToReplyMailbox(raw(
                "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>",
                "To: " + dev.tend.infra.MailCatcher.REPLY_MAILBOX,
                "Subject: Undelivered Mail Returned to Sender",
                "Auto-Submitted: auto-replied",
                "Message-ID: " + messageId(),
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r1\"",
                "",
                "--r1",
                "Content-Type: text/plain",
                "",
                "Your message could not be delivered.",
                "--r1",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.com",
                "",
                "Final-Recipient: rfc822; " + email,
                "Action: failed",
                "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
                "--r1",
                "Content-Type: text/rfc822-headers",
                "",
                "Message-ID: <" + notificationId(request) + "@tend>",
                "Subject: How are we doing?",
                "--r1--"));

        List<EventEnvelope> statuses = statuses(customerId, 2);
        assertEquals("FAILED", statuses.get(1).data().path("status").asText());
        assertTrue(statuses.get(1).data().path("permanent").asBoolean(), statuses.get(1).data().toString());
        assertTrue(statuses.get(1).data().path("reason").asText().contains("5.1.1"), statuses.get(1).data().toString());

        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, feedbackRequest(customerId, email));
        EventEnvelope suppressed = statuses(customerId, 3).get(2);
        assertEquals("SUPPRESSED", suppressed.data().path("status").asText());
        assertTrue(suppressed.data().path("reason").asText().contains("hard bounce"), suppressed.data().toString());
    }
}
