package dev.tend.notification;

import dev.tend.notification.email.InboundMail;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw RFC 5322 messages read the way mail systems write them. */
class InboundMailTest {

    private static InboundMail parse(String... lines) {
        return InboundMail.parse((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shouldPreferThePlainPartDecodedFromItsCharsetAndEncodedHeaders() {
        InboundMail mail = parse(
                "From: =?UTF-8?Q?Jo=C3=A3o?= <joao@example.com>",
                "To: reply+abc@reply.tend.local",
                "Subject: =?UTF-8?Q?Avalia=C3=A7=C3=A3o?=",
                "Message-ID: <m1@example.com>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"a\"",
                "",
                "--a",
                "Content-Type: text/plain; charset=ISO-8859-1",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Obrigado, at=E9 breve",
                "--a",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<p>ignored</p>",
                "--a--");
        assertEquals("joao@example.com", mail.from());
        assertEquals("Avalia\u00e7\u00e3o", mail.subject());
        assertEquals("Obrigado, at\u00e9 breve", mail.text().strip());
        assertEquals("<m1@example.com>", mail.messageId());
        assertTrue(mail.recipients().contains("reply+abc@reply.tend.local"), mail.recipients().toString());
        assertTrue(mail.autoReply().isEmpty());
        assertTrue(mail.bounce().isEmpty());
    }

    @Test
    void shouldRecogniseAutomaticAnswers() {
        assertTrue(parse("From: a@example.com", "X-Autoreply: yes", "Subject: Re: hi", "", "away").autoReply().isPresent());
        assertTrue(parse("From: a@example.com", "Precedence: bulk", "Subject: news", "", "x").autoReply().isPresent());
        assertTrue(parse("From: a@example.com", "Subject: Resposta autom\u00e1tica: Como correu?", "", "x").autoReply().isPresent());
        assertTrue(parse("From: a@example.com", "Auto-Submitted: no", "Subject: Re: hi", "", "x").autoReply().isEmpty());
    }

    @Test
    void shouldReadADelayedDeliveryReportAsNotPermanent() {
        InboundMail mail = parse(
                "From: MAILER-DAEMON@mx.example.com",
                "Subject: Delayed Mail",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"",
                "",
                "--r",
                "Content-Type: message/delivery-status",
                "",
                "Final-Recipient: rfc822; slow@example.com",
                "Action: delayed",
                "Status: 4.4.7",
                "--r--");
        InboundMail.Bounce bounce = mail.bounce().orElseThrow();
        assertEquals("slow@example.com", bounce.recipient());
        assertEquals("4.4.7", bounce.status());
        assertTrue(!bounce.permanent());
    }
}
