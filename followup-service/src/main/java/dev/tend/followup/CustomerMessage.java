package dev.tend.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tend.contracts.Events;
import dev.tend.contracts.conversation.Attachment;
import dev.tend.contracts.conversation.InReplyTo;
import dev.tend.contracts.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message a customer wrote to the clinic (a reply or a rating), as one household received it. */
@Entity
@Table(name = "customer_message")
public class CustomerMessage extends PanacheEntityBase {

    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
    };

    @Id
    public UUID id;
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "customer_id")
    public UUID customerId;
    public String channel;
    public String kind;
    /** The E.164 number or email address it came from. */
    public String sender;
    /** The customer's own words; never logged. */
    public String body;
    @Column(name = "received_at")
    public Instant receivedAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "shared_with")
    public List<UUID> sharedWith = List.of();
    @Column(name = "in_reply_to_notification_id")
    public UUID inReplyToNotificationId;
    @Column(name = "in_reply_to_task_id")
    public UUID inReplyToTaskId;
    @Column(name = "in_reply_to_template_key")
    public String inReplyToTemplateKey;
    @Column(name = "in_reply_to_channel")
    public String inReplyToChannel;
    @Column(name = "in_reply_to_sent_at")
    public Instant inReplyToSentAt;
    public Integer rating;
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "attachments")
    public String attachmentsJson = "[]";
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "urgent_words")
    public List<String> urgentWords = List.of();
    /** The worklist item it is on, if it needed a person. */
    @Column(name = "reply_task_id")
    public UUID replyTaskId;
    @Column(name = "feedback_id")
    public UUID feedbackId;

    public InReplyTo inReplyTo() {
        return inReplyToNotificationId == null ? null : new InReplyTo(inReplyToNotificationId, inReplyToTaskId,
                inReplyToTemplateKey, inReplyToChannel == null ? null : Channel.valueOf(inReplyToChannel), inReplyToSentAt);
    }

    public void inReplyTo(InReplyTo inReplyTo) {
        if (inReplyTo != null) {
            inReplyToNotificationId = inReplyTo.notificationId();
            inReplyToTaskId = inReplyTo.taskId();
            inReplyToTemplateKey = inReplyTo.templateKey();
            inReplyToChannel = inReplyTo.channel() == null ? null : inReplyTo.channel().name();
            inReplyToSentAt = inReplyTo.sentAt();
        }
    }

    public List<Attachment> attachments() {
        try {
            return Events.mapper().readValue(attachmentsJson, ATTACHMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored attachments of message " + messageId + " are not JSON", e);
        }
    }

    public void attachments(List<Attachment> attachments) {
        try {
            attachmentsJson = Events.mapper().writeValueAsString(attachments == null ? List.of() : attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Attachments could not be written as JSON", e);
        }
    }
}
