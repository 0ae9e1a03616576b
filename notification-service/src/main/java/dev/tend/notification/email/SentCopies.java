package dev.tend.notification.email;

import dev.tend.contracts.Channel;
import dev.tend.notification.NotificationConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The copy of every email addressed (Bcc) to {@code tend.notification.replies.sent-copy-address}, the one question
 * SMTP cannot answer otherwise: did the server take a message whose answer we never heard (a crash or a lost
 * connection after the last line was sent)? The copy travels in the same SMTP transaction as the email, so the server
 * took both or neither; when it comes back to the reply mailbox (or the inbound-mail webhook) its arrival is recorded,
 * and a reconciliation that finds it does not send the email again.
 * <p>
 * A copy is recognised by its Message-ID, ours ({@code <notification id@tend>}: no mail program gives a reply our
 * Message-ID), and proven by its Reply-To, whose token is signed with the reply key: nobody without the key can make
 * an email count as sent.
 */
@ApplicationScoped
public class SentCopies {

    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("^<([0-9a-fA-F-]{36})@tend>$");
    /** Batches of the reply mailbox read before a reconciliation gives up for now (50 messages each). */
    private static final int MAX_BATCHES = 40;

    private final NotificationConfig config;
    private final ReplyAddresses replyAddresses;
    private final ReplyMailbox mailbox;
    private final EntityManager entityManager;
    private final Clock clock;

    public SentCopies(NotificationConfig config, ReplyAddresses replyAddresses, ReplyMailbox mailbox,
                      EntityManager entityManager, Clock clock) {
        this.config = config;
        this.replyAddresses = replyAddresses;
        this.mailbox = mailbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled() && config.replies().domain().isEmpty()) {
            throw new IllegalStateException("tend.notification.replies.sent-copy-address is set but "
                    + "tend.notification.replies.domain is not: a copy is proven ours by its signed Reply-To, which "
                    + "needs the reply domain");
        }
    }

    public boolean enabled() {
        return config.replies().sentCopyAddress().isPresent();
    }

    /** The Bcc every email carries, when copies are on. */
    public Optional<String> address() {
        return config.replies().sentCopyAddress();
    }

    /** The notification a mail is a copy of, when it carries our Message-ID; empty for anything else. */
    public Optional<UUID> copyOf(InboundMail mail) {
        Matcher matcher = OUR_MESSAGE_ID.matcher(mail.messageId() == null ? "" : mail.messageId());
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    /**
     * Records that the copy of an email came back, when its Reply-To proves it is ours; called inside the transaction
     * that takes the mail in. A copy that does not prove itself is dropped without effect.
     *
     * @return whether the copy counted
     */
    public boolean record(UUID notificationId, InboundMail mail) {
        boolean proven = mail.replyTo().stream()
                .map(replyAddresses::notificationOf)
                .flatMap(Optional::stream)
                .anyMatch(notificationId::equals);
        if (!proven) {
            return false;
        }
        // A statement of its own, not the entity: the dispatcher may hold the row loaded and settle it meanwhile.
        entityManager.createNativeQuery("""
                        UPDATE notification SET sent_copy_received_at = :now
                        WHERE id = :id AND channel = :channel AND sent_copy_received_at IS NULL""")
                .setParameter("now", clock.instant())
                .setParameter("id", notificationId)
                .setParameter("channel", Channel.EMAIL.name())
                .executeUpdate();
        return true;
    }

    /**
     * Whether the copy of an email has come back. Reads the reply mailbox to its end first (when Tend reads one), so a
     * copy waiting there is not missed.
     *
     * @throws IllegalStateException when the mailbox could not be read just now: the answer is unknown, ask again
     */
    public boolean cameBack(UUID notificationId) {
        if (config.replies().imap().enabled() && !mailbox.drain(MAX_BATCHES)) {
            throw new IllegalStateException("the reply mailbox holds more than " + MAX_BATCHES * 50
                    + " messages; the copy is looked for again on the next attempt");
        }
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                        "SELECT 1 FROM notification WHERE id = :id AND sent_copy_received_at IS NOT NULL")
                .setParameter("id", notificationId)
                .getResultList().isEmpty());
    }
}
