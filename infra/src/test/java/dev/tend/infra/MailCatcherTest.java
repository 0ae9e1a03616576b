package dev.tend.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailCatcherTest {

    @Test
    void shouldPutAReplyIntoTheImapReplyMailboxWithItsOwnHeaders() throws Exception {
        try (MailCatcher catcher = MailCatcher.start(0, 0)) {
            catcher.deliverToReplyMailbox(("From: owner@example.com\r\nTo: reply+abc@" + MailCatcher.REPLY_DOMAIN
                    + "\r\nSubject: Re: Rex\r\nMessage-ID: <reply-1@example.com>\r\n\r\nHe is fine now.\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            Properties properties = new Properties();
            properties.put("mail.imap.host", "127.0.0.1");
            properties.put("mail.imap.port", String.valueOf(catcher.imapPort()));
            try (jakarta.mail.Store store = Session.getInstance(properties).getStore("imap")) {
                store.connect("127.0.0.1", catcher.imapPort(), MailCatcher.REPLY_LOGIN, MailCatcher.REPLY_PASSWORD);
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                assertEquals(1, messages.length);
                assertEquals("<reply-1@example.com>", messages[0].getHeader("Message-ID")[0]);
                assertEquals("reply+abc@" + MailCatcher.REPLY_DOMAIN, messages[0].getHeader("To")[0]);
                inbox.close(false);
            }
        }
    }

    @Test
    void shouldCatchAMultipartMailWithItsTextAndHtmlParts() throws Exception {
        try (MailCatcher catcher = MailCatcher.start(0)) {
            MimeMessage mail = new MimeMessage(session(catcher));
            mail.setFrom(new InternetAddress("clinic@tend.test", "Tend Clinic"));
            mail.setRecipients(Message.RecipientType.TO, "owner@example.com, partner@example.com");
            mail.setSubject("Rex is due for his rabies booster", "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part("Book a visit at tend.test", "text/plain; charset=UTF-8"));
            alternative.addBodyPart(part("<p>Book a <a href=\"https://tend.test\">visit</a></p>",
                    "text/html; charset=UTF-8"));
            mail.setContent(alternative);
            mail.setHeader("List-Unsubscribe", "<https://tend.test/unsubscribe/abc>");
            Transport.send(mail);

            List<CaughtMail> caught = catcher.messages();

            assertEquals(1, caught.size(), "one mail to two recipients is listed once");
            CaughtMail rex = caught.get(0);
            assertEquals(mail.getMessageID(), rex.messageId());
            assertEquals("clinic@tend.test", rex.from());
            assertEquals(List.of("owner@example.com", "partner@example.com"), rex.to());
            assertEquals("Rex is due for his rabies booster", rex.subject());
            assertEquals("Book a visit at tend.test", rex.textBody());
            assertTrue(rex.htmlBody().contains("href=\"https://tend.test\""), rex.htmlBody());
            assertEquals(List.of("<https://tend.test/unsubscribe/abc>"), rex.headers().get("list-unsubscribe"));
            assertNotNull(rex.receivedAt());
        }
    }

    @Test
    void shouldStillListMailCaughtBeforeARestart() throws MessagingException {
        try (MailCatcher catcher = MailCatcher.start(0)) {
            int port = catcher.smtpPort();
            sendPlain(catcher, "before the outage");
            catcher.stop();
            catcher.restart();
            sendPlain(catcher, "after the outage");

            assertEquals(port, catcher.smtpPort());
            assertEquals(List.of("before the outage", "after the outage"),
                    catcher.messages().stream().map(CaughtMail::subject).toList());
            assertNull(catcher.messages().get(0).htmlBody());
        }
    }

    @Test
    void shouldNotListTheCopyThatCameBackToTheReplyMailboxAsADelivery() throws MessagingException {
        try (MailCatcher catcher = MailCatcher.start(0, 0)) {
            MimeMessage mail = new MimeMessage(session(catcher));
            mail.setFrom("clinic@tend.test");
            mail.setRecipients(Message.RecipientType.TO, "owner@example.com");
            mail.setRecipients(Message.RecipientType.BCC, MailCatcher.REPLY_MAILBOX);
            mail.setSubject("Thank you for your visit today");
            mail.setText("plain text");
            Transport.send(mail);

            assertEquals(List.of("owner@example.com"), catcher.deliveries().stream()
                    .flatMap(caught -> caught.to().stream()).toList(), "one delivery, to the owner");
            assertEquals(1, catcher.messages().size());
        }
    }

    private static void sendPlain(MailCatcher catcher, String subject) throws MessagingException {
        MimeMessage mail = new MimeMessage(session(catcher));
        mail.setFrom("clinic@tend.test");
        mail.setRecipients(Message.RecipientType.TO, "owner@example.com");
        mail.setSubject(subject);
        mail.setText("plain text");
        Transport.send(mail);
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        return part;
    }

    private static Session session(MailCatcher catcher) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(catcher.smtpPort()));
        return Session.getInstance(props);
    }
}
