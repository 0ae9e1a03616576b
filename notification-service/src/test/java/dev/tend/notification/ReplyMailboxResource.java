package dev.tend.notification;

import dev.tend.infra.MailCatcher;
import dev.tend.testsupport.MailCatcherResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points notification-service at the mail catcher's IMAP reply mailbox, read every few hundred milliseconds, where
 * the copy of every email comes back too.
 */
public class ReplyMailboxResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "tend.notification.replies.domain", MailCatcher.REPLY_DOMAIN,
                "tend.notification.replies.imap.enabled", "true",
                "tend.notification.replies.imap.host", "127.0.0.1",
                "tend.notification.replies.imap.port", String.valueOf(MailCatcherResource.catcher().imapPort()),
                "tend.notification.replies.imap.ssl", "false",
                "tend.notification.replies.imap.user", MailCatcher.REPLY_LOGIN,
                "tend.notification.replies.imap.password", MailCatcher.REPLY_PASSWORD,
                "tend.notification.replies.imap.poll-interval", "300ms",
                // Every email's copy comes back here, so a crash cannot make one go out twice.
                "tend.notification.replies.sent-copy-address", MailCatcher.REPLY_MAILBOX);
    }

    @Override
    public void stop() {
        // The catcher stops with the JVM.
    }
}
