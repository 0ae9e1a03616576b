package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.contracts.conversation.Attachment;
import dev.tend.contracts.conversation.CustomerMessageReceived;
import dev.tend.contracts.conversation.InReplyTo;
import dev.tend.contracts.conversation.MessageKind;
import dev.tend.testsupport.EventSchemas;
import dev.tend.testsupport.KafkaTestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** CustomerMessageReceived as notification-service publishes it, checked against the topic's schema before it is sent. */
final class MessageFixtures {

    static final String PHONE = "+447700900123";

    private MessageFixtures() {
    }

    /** A text from the household's phone, answering nothing in particular. */
    static Message text(UUID customerId, String body, Instant receivedAt) {
        return new Message(customerId, Channel.SMS, MessageKind.REPLY, PHONE, body, receivedAt);
    }

    /** A rating given through a feedback email's link, with its optional comment as the body. */
    static Message ratingLink(UUID customerId, int rating, String comment, Instant receivedAt) {
        return new Message(customerId, Channel.EMAIL, MessageKind.RATING, "ana@example.com", comment, receivedAt).rating(rating);
    }

    static final class Message {
        UUID messageId = UUID.randomUUID();
        final UUID customerId;
        final Channel channel;
        final MessageKind kind;
        final String from;
        final String body;
        final Instant receivedAt;
        List<UUID> sharedWith = List.of();
        InReplyTo inReplyTo;
        Integer rating;
        final List<Attachment> attachments = new ArrayList<>();

        Message(UUID customerId, Channel channel, MessageKind kind, String from, String body, Instant receivedAt) {
            this.customerId = customerId;
            this.channel = channel;
            this.kind = kind;
            this.from = from;
            this.body = body;
            this.receivedAt = receivedAt;
        }

        /** Answers a message fired for {@code task}. */
        Message answering(FollowupTask task) {
            this.inReplyTo = new InReplyTo(task.notificationId, task.id, task.templateKey, task.channel(), task.firedAt);
            return this;
        }

        Message rating(int rating) {
            this.rating = rating;
            return this;
        }

        Message sharedWith(UUID... others) {
            this.sharedWith = List.of(others);
            return this;
        }

        Message picture(String fileName) {
            attachments.add(new Attachment(fileName, "image/jpeg", 48_213, "https://notifications.example/attachments/" + fileName));
            return this;
        }

        /** Another household's copy of the same message (a shared number): same message id. */
        Message sameMessageFor(UUID otherCustomer, UUID... itsOthers) {
            Message copy = new Message(otherCustomer, channel, kind, from, body, receivedAt);
            copy.messageId = messageId;
            copy.sharedWith = List.of(itsOthers);
            copy.rating = rating;
            return copy;
        }

        CustomerMessageReceived payload() {
            return new CustomerMessageReceived(messageId, customerId, channel, kind, from, body, receivedAt, sharedWith,
                    inReplyTo, rating, List.copyOf(attachments));
        }

        EventEnvelope envelope() {
            EventEnvelope envelope = Events.envelope(payload(), customerId, receivedAt, null);
            EventSchemas.assertConforms(Topics.CUSTOMER_MESSAGES, envelope);
            return envelope;
        }

        /** Published on tend.customer.messages, as notification-service would. */
        EventEnvelope send() {
            EventEnvelope envelope = envelope();
            KafkaTestClient.send(Topics.CUSTOMER_MESSAGES, envelope);
            return envelope;
        }
    }
}
