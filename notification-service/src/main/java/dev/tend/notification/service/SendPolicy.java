package dev.tend.notification.service;

import dev.tend.contracts.Channel;
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
}
