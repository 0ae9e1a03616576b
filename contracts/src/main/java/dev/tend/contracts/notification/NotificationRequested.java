package dev.tend.contracts.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventPayload;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A message followup-service wants sent. {@code notificationId} is the idempotency key: whatever the
 * redeliveries, one id is sent at most once. {@code personalisation} holds the template's scalar variables
 * (customer name, visit reason, the signing staff member...); {@code visitDate} and {@code recheckDate} in it are
 * ISO-8601 dates, which the sender turns into dates before a template sees them. {@code pets} names the pets the
 * message is about, in order, so a template gets a list rather than a joined string. Records written before
 * {@code pets} existed have it null; their {@code petName}/{@code petNames} personalisation still reads.
 */
public record NotificationRequested(
        UUID notificationId,
        UUID taskId,
        UUID customerId,
        Channel channel,
        String templateKey,
        Recipient recipient,
        Map<String, String> personalisation,
        List<Pet> pets) implements EventPayload {

    /** A request without the typed pet list, as producers wrote them before it existed. */
    public NotificationRequested(UUID notificationId, UUID taskId, UUID customerId, Channel channel, String templateKey,
                                 Recipient recipient, Map<String, String> personalisation) {
        this(notificationId, taskId, customerId, channel, templateKey, recipient, personalisation, null);
    }

    /**
     * One pet a message is about. {@code sex} is {@code female}, {@code male} or null when not known, so a
     * template can say "her recheck"; {@code photoUrl} is null without a photo.
     */
    public record Pet(String name, String sex, String photoUrl) {
    }
}
