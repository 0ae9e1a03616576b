package dev.tend.notification.email;

import dev.tend.contracts.Channel;
import dev.tend.notification.consent.Suppressions;
import dev.tend.notification.service.Attempt;
import dev.tend.notification.service.ChannelSender;
import dev.tend.notification.service.Outcome;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends email over SMTP with a text and an HTML part, the notification id as its Message-ID, a one-click
 * unsubscribe (RFC 8058), and a signed per-message Reply-To, so a reply finds the message it answers. After an
 * unknown outcome, the copy sent with it ({@link SentCopies}) says whether the server took it; without copies it is
 * sent again with the same Message-ID, which lets receiving systems drop the second one.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private static final Pattern REPLY_CODE = Pattern.compile("\\b([245])\\d\\d\\b");
    /** Replies that say the mailbox itself is wrong, not that the server is busy. */
    private static final Pattern HARD_BOUNCE = Pattern.compile("\\b(550|551|553)\\b|5\\.1\\.[0-9]");

    private final SmtpRelay smtp;
    private final UnsubscribeTokens tokens;
    private final ReplyAddresses replyAddresses;
    private final SentCopies sentCopies;

    public EmailSender(SmtpRelay smtp, UnsubscribeTokens tokens, ReplyAddresses replyAddresses, SentCopies sentCopies) {
        this.sentCopies = sentCopies;
        this.smtp = smtp;
        this.tokens = tokens;
        this.replyAddresses = replyAddresses;
    }

    public static String messageId(Object notificationId) {
        return "<" + notificationId + "@tend>";
    }

    @Override
    public String channel() {
        return Channel.EMAIL.name();
    }

    @Override
    public Outcome send(Attempt attempt) {
        String messageId = messageId(attempt.notificationId());
        try {
            Mail mail = Mail.withText(attempt.recipient(), attempt.subject(), attempt.text())
                    .setHtml(attempt.html())
                    .addHeader("Message-ID", messageId)
                    .addHeader("List-Unsubscribe", "<" + tokens.link(attempt.customerId(), attempt.recipient()) + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            replyAddresses.replyTo(attempt.notificationId()).ifPresent(mail::setReplyTo);
            sentCopies.address().ifPresent(mail::addBcc);
            smtp.send(mail);
            return new Outcome.Sent(messageId, null);
        } catch (SmtpRelay.NothingSent e) {
            return classify(e.failure());
        } catch (CircuitBreakerOpenException e) {
            return new Outcome.Transient("SMTP circuit open after repeated failures, nothing sent");
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /**
     * SMTP cannot be asked whether it took a message; the copy it was sent with can be looked for. Without copies
     * configured the email is sent again, with the same Message-ID.
     */
    @Override
    public List<String> findSent(Attempt attempt) {
        if (!sentCopies.enabled()) {
            throw new UnsupportedOperationException("SMTP cannot be asked whether a message was accepted");
        }
        return sentCopies.cameBack(attempt.notificationId()) ? List.of(messageId(attempt.notificationId())) : List.of();
    }

    static Outcome classify(RuntimeException failure) {
        String message = describe(failure);
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)) {
            return new Outcome.Transient("SMTP: " + message);
        }
        Matcher code = REPLY_CODE.matcher(message);
        if (code.find() && code.group(1).equals("5")) {
            return new Outcome.Permanent("SMTP: " + message,
                    HARD_BOUNCE.matcher(message).find() ? Suppressions.HARD_BOUNCE + " (" + message + ")" : null);
        }
        if (message.toLowerCase(Locale.ROOT).contains("timeout") || message.toLowerCase(Locale.ROOT).contains("timed out")) {
            return new Outcome.Ambiguous("SMTP: " + message);
        }
        return new Outcome.Transient("SMTP: " + message);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + root.getMessage() + ")";
    }
}
