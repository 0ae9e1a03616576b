package dev.tend.contracts.conversation;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventPayload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer wrote to the clinic: a texted or emailed reply, or a rating given through a feedback link.
 * notification-service publishes it once for each household the sender matched; a number several households
 * share is published to each of them with the others named in {@code sharedWithCustomerIds}, so staff can
 * choose. Keyword texts (STOP, START, HELP), auto-replies and bounces are never published.
 *
 * @param messageId             the inbound message's id; the same for every household it was published to
 * @param channel               SMS or EMAIL (a rating link answers an email)
 * @param from                  the E.164 number or email address it came from
 * @param body                  the customer's new words only: quoted history and signature stripped; for a
 *                              rating, its comment (possibly empty)
 * @param sharedWithCustomerIds the other households the sender matched; empty when the match is unique
 * @param inReplyTo             what of ours it answers, or null when nothing was sent to them lately
 * @param rating                1 to 5 when the message is a rating (a link, or a text such as "4/5"), else null
 */
public record CustomerMessageReceived(
        UUID messageId,
        UUID customerId,
        Channel channel,
        MessageKind kind,
        String from,
        String body,
        Instant receivedAt,
        List<UUID> sharedWithCustomerIds,
        InReplyTo inReplyTo,
        Integer rating,
        List<Attachment> attachments) implements EventPayload {
}
