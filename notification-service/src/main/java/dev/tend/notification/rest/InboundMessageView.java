package dev.tend.notification.rest;

import dev.tend.notification.InboundAttachment;
import dev.tend.notification.InboundMessage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** An inbound message as staff see it: who it matched, what it answers, and its files. */
public record InboundMessageView(UUID id, String channel, String status, String statusReason, String kind, String from,
                                 String to, String subject, String body, Integer rating, UUID inReplyToNotificationId,
                                 List<UUID> customerIds, List<AttachmentView> attachments, String linkedBy,
                                 Instant receivedAt) {

    public record AttachmentView(UUID id, String fileName, String contentType, long sizeBytes, String url) {
    }

    static InboundMessageView of(InboundMessage m, Function<InboundAttachment, String> urls) {
        return new InboundMessageView(m.id, m.channel, m.status, m.statusReason, m.kind, m.fromAddress, m.toAddress,
                m.subject, m.body, m.rating, m.inReplyToNotificationId, m.customerIds(),
                m.attachments().stream().map(a -> new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes,
                        urls.apply(a))).toList(),
                m.linkedBy, m.receivedAt);
    }
}
