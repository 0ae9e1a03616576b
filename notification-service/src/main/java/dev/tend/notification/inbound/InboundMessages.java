package dev.tend.notification.inbound;

import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.conversation.Attachment;
import dev.tend.contracts.conversation.CustomerMessageReceived;
import dev.tend.contracts.conversation.InReplyTo;
import dev.tend.contracts.conversation.MessageKind;
import dev.tend.notification.InboundAttachment;
import dev.tend.notification.InboundMessage;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.consent.ConsentReadModel;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.messaging.Outbox;
import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what customers write to us and makes sure each message reaches a person: stored once per provider
 * message id, matched to its households (by the message it names, else by the sender's number or address), linked
 * to what of ours it answers, and published as {@code CustomerMessageReceived} through the outbox in the same
 * transaction. A sender nobody has is kept as UNMATCHED until staff link it; auto-replies and bounces are kept
 * but never published.
 */
@ApplicationScoped
public class InboundMessages {

    /** A file that came with a message: its bytes, or where the provider keeps it. */
    public record NewAttachment(String fileName, String contentType, long sizeBytes, byte[] content, String sourceUrl) {
    }

    /**
     * A message as it arrived. {@code namedNotificationId} is the message of ours it names (a signed Reply-To or
     * rating link); {@code unpublished} is set for auto-replies and bounces, with its reason (otherwise the reason
     * is a note for staff, such as an attachment that was not kept).
     */
    public record Incoming(Channel channel, String providerMessageId, String from, String to, String subject,
                           String body, List<NewAttachment> attachments, UUID namedNotificationId, MessageKind kind,
                           Integer rating, InboundMessage.Status unpublished, String reason) {

        public static Incoming reply(Channel channel, String providerMessageId, String from, String to, String subject,
                                     String body, List<NewAttachment> attachments, UUID namedNotificationId) {
            return new Incoming(channel, providerMessageId, from, to, subject, body, attachments, namedNotificationId,
                    MessageKind.REPLY, null, null, null);
        }

        /** The same message with a note for staff (attachments not kept), shown as its status reason. */
        public Incoming noted(String note) {
            return new Incoming(channel, providerMessageId, from, to, subject, body, attachments, namedNotificationId,
                    kind, rating, unpublished, note);
        }

        public Incoming unpublished(InboundMessage.Status status, String reason) {
            return new Incoming(channel, providerMessageId, from, to, subject, body, attachments, namedNotificationId,
                    kind, rating, status, reason);
        }
    }

    private final EntityManager entityManager;
    private final ConsentReadModel households;
    private final Outbox outbox;
    private final NotificationConfig config;
    private final Clock clock;
    private final AuditTrail audit;

    public InboundMessages(EntityManager entityManager, ConsentReadModel households, Outbox outbox,
                           NotificationConfig config, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.entityManager = entityManager;
        this.households = households;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** @return the stored message, or empty when this provider message id was stored before (a retry) */
    @Transactional
    public Optional<InboundMessage> receive(Incoming incoming) {
        Instant now = clock.instant();
        Optional<Notification> named = Optional.ofNullable(incoming.namedNotificationId())
                .map(id -> Notification.<Notification>findById(id));
        Optional<Notification> answers = named.isPresent() ? named : lastSentTo(incoming.channel(), incoming.from(), now);
        List<UUID> customers = named.map(n -> List.of(n.customerId)).orElseGet(() -> sendersHouseholds(incoming));
        Integer rating = incoming.rating() != null ? incoming.rating() : TextedRatings.of(incoming.body()).orElse(null);
        InboundMessage.Status status = incoming.unpublished() != null ? incoming.unpublished()
                : customers.isEmpty() ? InboundMessage.Status.UNMATCHED : InboundMessage.Status.MATCHED;

        UUID id = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO inbound_message (id, channel, provider_message_id, status, kind, from_address, to_address,
                            subject, body, rating, in_reply_to_notification_id, status_reason, received_at, version)
                        VALUES (:id, :channel, :providerId, :status, :kind, :from, :to, :subject, :body, :rating, :inReplyTo,
                            :reason, :now, 0)
                        ON CONFLICT (channel, provider_message_id) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("channel", incoming.channel().name())
                .setParameter("providerId", incoming.providerMessageId())
                .setParameter("status", status.name())
                .setParameter("kind", incoming.kind().name())
                .setParameter("from", incoming.from())
                .setParameter("to", incoming.to())
                .setParameter("subject", incoming.subject())
                .setParameter("body", incoming.body() == null ? "" : incoming.body())
                .setParameter("rating", rating)
                .setParameter("inReplyTo", answers.map(n -> n.id).orElse(null))
                .setParameter("reason", incoming.reason())
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        for (NewAttachment file : incoming.attachments()) {
            InboundAttachment attachment = new InboundAttachment();
            attachment.id = UUID.randomUUID();
            attachment.messageId = id;
            attachment.fileName = file.fileName();
            attachment.contentType = file.contentType();
            attachment.sizeBytes = file.sizeBytes();
            attachment.content = file.content();
            attachment.sourceUrl = file.sourceUrl();
            attachment.persist();
        }
        InboundMessage message = InboundMessage.findById(id);
        if (status == InboundMessage.Status.BOUNCE) {
            return Optional.of(message);
        }
        customers.forEach(customerId -> linkRow(id, customerId));
        if (status == InboundMessage.Status.MATCHED) {
            for (UUID customerId : customers) {
                publish(message, customerId, customers.stream().filter(other -> !other.equals(customerId)).toList(),
                        answers.orElse(null));
            }
        }
        return Optional.of(message);
    }

    /** What a rating link's POST came to: recorded now, or the rating recorded before (nothing changed). */
    public record RatingOutcome(boolean recorded, int rating) {
    }

    /**
     * A rating from a one-click link in the email {@code notification}: recorded once per email and published as a
     * RATING with its comment; a second POST changes nothing and returns the rating that stands.
     */
    @Transactional
    public RatingOutcome rate(Notification notification, int rating, String comment) {
        String providerId = "rating:" + notification.id;
        Incoming incoming = new Incoming(Channel.EMAIL, providerId,
                notification.recipient == null ? "rating-link" : notification.recipient, null, null,
                comment == null ? "" : comment.strip(), List.of(), notification.id, MessageKind.RATING, rating, null, null);
        if (receive(incoming).isPresent()) {
            return new RatingOutcome(true, rating);
        }
        InboundMessage standing = InboundMessage.find("channel = ?1 and providerMessageId = ?2", Channel.EMAIL.name(), providerId)
                .firstResult();
        return new RatingOutcome(false, standing.rating == null ? rating : standing.rating);
    }

    /** Staff say whose an unmatched message is: it is published to that household. */
    @Transactional
    public InboundMessage link(UUID messageId, UUID customerId, String by) {
        InboundMessage message = InboundMessage.findById(messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            throw ProblemException.notFound("Inbound message", messageId);
        }
        if (message.state() != InboundMessage.Status.UNMATCHED) {
            throw ProblemException.conflict("inbound message " + messageId + " is " + message.status
                    + "; only UNMATCHED messages are linked by hand");
        }
        if (!households.isKnown(customerId)) {
            throw ProblemException.unprocessable("customerId", "customer " + customerId + " is not known to notification-service");
        }
        linkRow(messageId, customerId);
        message.status = InboundMessage.Status.MATCHED.name();
        message.linkedBy = by;
        Notification answers = message.inReplyToNotificationId == null ? null : Notification.findById(message.inReplyToNotificationId);
        publish(message, customerId, List.of(), answers);
        audit.record(AuditAction.INBOUND_MESSAGE_LINKED, customerId, Map.of("messageId", message.id, "channel", message.channel));
        return message;
    }

    /** The last message we sent to this number or address within the reply window: what a reply answers. */
    public Optional<Notification> lastSentTo(Channel channel, String address, Instant now) {
        if (address == null) {
            return Optional.empty();
        }
        return Notification.<Notification>find("""
                        channel = ?1 and lower(recipient) = ?2 and sentAt >= ?3 and status in ('SENT', 'DELIVERED')
                        order by sentAt desc""",
                        channel.name(), address.strip().toLowerCase(Locale.ROOT), now.minus(config.inbound().replyWindow()))
                .firstResultOptional();
    }

    /**
     * A household asked to be forgotten: its link to each message goes, and a message no other household shares
     * keeps only its id, channel, status and time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID customerId) {
        List<UUID> messages = entityManager.createNativeQuery(
                        "SELECT message_id FROM inbound_message_customer WHERE customer_id = :id", UUID.class)
                .setParameter("id", customerId).getResultList().stream().map(UUID.class::cast).toList();
        entityManager.createNativeQuery("DELETE FROM inbound_message_customer WHERE customer_id = :id")
                .setParameter("id", customerId).executeUpdate();
        for (UUID messageId : messages) {
            InboundMessage message = InboundMessage.findById(messageId);
            if (message == null || !message.customerIds().isEmpty()) {
                continue;
            }
            message.status = InboundMessage.Status.ERASED.name();
            message.fromAddress = null;
            message.toAddress = null;
            message.subject = null;
            message.body = null;
            message.statusReason = null;
            InboundAttachment.delete("messageId", messageId);
        }
    }

    /** Deletes messages (and their attachments) older than the retention period. */
    @Transactional
    public int prune() {
        return entityManager.createNativeQuery("DELETE FROM inbound_message WHERE received_at < :before")
                .setParameter("before", clock.instant().minus(config.inbound().retention()))
                .executeUpdate();
    }

    public String attachmentUrl(InboundAttachment attachment) {
        return attachment.content != null
                ? config.publicBaseUrl().replaceAll("/+$", "") + "/inbound-attachments/" + attachment.id
                : attachment.sourceUrl;
    }

    private List<UUID> sendersHouseholds(Incoming incoming) {
        if (incoming.from() == null) {
            return List.of();
        }
        return incoming.channel() == Channel.SMS
                ? households.customersWithPhone(incoming.from())
                : households.customersWithEmail(incoming.from());
    }

    private void linkRow(UUID messageId, UUID customerId) {
        entityManager.createNativeQuery(
                        "INSERT INTO inbound_message_customer (message_id, customer_id) VALUES (:message, :customer) ON CONFLICT DO NOTHING")
                .setParameter("message", messageId)
                .setParameter("customer", customerId)
                .executeUpdate();
    }

    private void publish(InboundMessage message, UUID customerId, List<UUID> sharedWith, Notification answers) {
        List<Attachment> attachments = new ArrayList<>();
        for (InboundAttachment attachment : message.attachments()) {
            String url = attachmentUrl(attachment);
            if (url != null) {
                attachments.add(new Attachment(Objects.requireNonNullElse(attachment.fileName, "attachment"),
                        attachment.contentType, attachment.sizeBytes, url));
            }
        }
        InReplyTo inReplyTo = answers == null ? null : new InReplyTo(answers.id, answers.taskId, answers.templateKey,
                Channel.valueOf(answers.channel), answers.sentAt != null ? answers.sentAt : answers.createdAt);
        CustomerMessageReceived event = new CustomerMessageReceived(message.id, customerId,
                Channel.valueOf(message.channel), MessageKind.valueOf(message.kind),
                message.fromAddress == null ? "unknown" : message.fromAddress,
                message.body == null ? "" : message.body, message.receivedAt, sharedWith, inReplyTo, message.rating,
                attachments);
        outbox.publish(Topics.CUSTOMER_MESSAGES, Events.envelope(event, customerId, clock.instant(),
                answers == null ? null : answers.correlationId));
    }
}
