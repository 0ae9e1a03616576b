package dev.tend.notification.email;

import dev.tend.notification.NotificationConfig;
import dev.tend.platform.PollingLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;

/**
 * Reads the reply mailbox over IMAP with Jakarta Mail, on a thread of its own: each unread message is handed to
 * {@link EmailReplies} and deleted from the mailbox once it is stored (committed). A message that is not a mail at
 * all is deleted too, so it cannot block the ones behind it; a database outage leaves everything in the mailbox for
 * the next pass.
 */
@ApplicationScoped
public class ReplyMailbox {

    private static final Logger LOG = Logger.getLogger(ReplyMailbox.class);
    private static final int BATCH = 50;

    private final EmailReplies replies;
    private final NotificationConfig config;
    private PollingLoop loop;

    public ReplyMailbox(EmailReplies replies, NotificationConfig config) {
        this.replies = replies;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.replies().imap().enabled()) {
            loop = new PollingLoop("reply-mailbox", this::poll, BATCH, config.replies().imap().pollInterval(),
                    Duration.ofSeconds(5));
            loop.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /**
     * Reads until the mailbox is empty (or {@code maxBatches} batches were read): what a reconciliation needs to be
     * sure a copy that has arrived was seen.
     *
     * @return whether the mailbox was read to its end
     */
    public boolean drain(int maxBatches) {
        for (int batch = 0; batch < maxBatches; batch++) {
            if (poll() < BATCH) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return how many messages were taken from the mailbox. Synchronized: the polling thread and a reconciliation
     * ({@link SentCopies}) may both read, and one reader per process keeps a message from being handled twice.
     */
    public synchronized int poll() {
        NotificationConfig.Replies.Imap imap = config.replies().imap();
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".host", imap.host());
        properties.put("mail." + protocol + ".port", String.valueOf(imap.port()));
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.user().orElse(null), imap.password().orElse(null));
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            int taken = 0;
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : unread) {
                    if (taken == BATCH) {
                        break;
                    }
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    try {
                        replies.receive(raw.toByteArray());
                    } catch (IllegalArgumentException e) {
                        LOG.warnf("Deleted message %d of the reply mailbox, which is not a mail: %s",
                                message.getMessageNumber(), e.getMessage());
                    }
                    message.setFlag(Flags.Flag.DELETED, true);
                    taken++;
                }
            } finally {
                folder.close(true);
            }
            return taken;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("reply mailbox " + imap.host() + ":" + imap.port() + ": " + e.getMessage(), e);
        }
    }
}
