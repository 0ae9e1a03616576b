package dev.tend.notification.service;

import dev.tend.contracts.Channel;
import dev.tend.notification.InboundMessage;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.consent.ConsentReadModel;
import dev.tend.notification.consent.Suppressions;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The last check before anything leaves: the latest consent, and the suppression list. */
@ApplicationScoped
public class SendPolicy {

    /** {@code wait} when the household is not known here yet; otherwise {@code suppressReason} says why not, if not. */
    public record Verdict(boolean waitForCustomer, Optional<String> suppressReason) {

        static Verdict send() {
            return new Verdict(false, Optional.empty());
        }

        static Verdict suppress(String reason) {
            return new Verdict(false, Optional.of(reason));
        }

        static Verdict hold() {
            return new Verdict(true, Optional.empty());
        }
    }

    private final ConsentReadModel consents;
    private final Suppressions suppressions;
    private final NotificationConfig config;

    public SendPolicy(ConsentReadModel consents, Suppressions suppressions, NotificationConfig config) {
        this.consents = consents;
        this.suppressions = suppressions;
        this.config = config;
    }

    public Verdict check(Notification notification, Instant now) {
        Channel channel = Channel.valueOf(notification.channel);
        String name = channel.name().toLowerCase(Locale.ROOT);
        if (answersTheirOwnEmail(notification, now)) {
            // They wrote to us: answering them is a service message, not one they unsubscribed from. Only an address
            // that cannot take mail at all (a hard bounce) stops it.
            return suppressions.reason(channel, notification.recipient)
                    .filter(reason -> reason.startsWith(Suppressions.HARD_BOUNCE))
                    .map(reason -> Verdict.suppress(notification.recipient + " is on the email suppression list: " + reason))
                    .orElseGet(Verdict::send);
        }
        if (channel != Channel.POST) {
            Optional<String> suppressed = suppressions.reason(channel, notification.recipient);
            if (suppressed.isPresent()) {
                return Verdict.suppress(notification.recipient + " is on the " + name + " suppression list: " + suppressed.get());
            }
        }
        if (!consents.isKnown(notification.customerId)) {
            return now.isBefore(notification.createdAt.plus(config.consent().waitForCustomer()))
                    ? Verdict.hold()
                    : Verdict.suppress("no " + name + " consent on record: the customer is unknown to notification-service");
        }
        return consents.consent(notification.customerId, channel)
                .map(granted -> granted ? Verdict.send() : Verdict.suppress("the customer withdrew " + name + " consent"))
                .orElseGet(() -> Verdict.suppress("no " + name + " consent on record"));
    }

    /**
     * A staff answer by email to an email the customer sent us from that very address within the reply window. An
     * email unsubscribe stops our follow-ups, not a conversation the customer started.
     */
    private boolean answersTheirOwnEmail(Notification notification, Instant now) {
        if (!Channel.EMAIL.name().equals(notification.channel) || notification.inReplyToMessageId == null
                || notification.recipient == null) {
            return false;
        }
        InboundMessage answered = InboundMessage.findById(notification.inReplyToMessageId);
        return answered != null && Channel.EMAIL.name().equals(answered.channel) && "REPLY".equals(answered.kind)
                && notification.recipient.equalsIgnoreCase(answered.fromAddress)
                && !answered.receivedAt.isBefore(now.minus(config.inbound().replyWindow()));
    }
}
