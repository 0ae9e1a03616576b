package dev.tend.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Something a customer (or their mail system) sent us: a text, an email, a rating from a feedback link. */
@Entity
@Table(name = "inbound_message")
public class InboundMessage extends PanacheEntityBase {

    /** Where a message stands; only MATCHED ones were published. */
    public enum Status {
        /** Published to the households it matched. */
        MATCHED,
        /** From a number or address no household has: waits for staff to link it. */
        UNMATCHED,
        /** An out-of-office or other automatic answer: recorded, never published. */
        AUTO_REPLY,
        /** A delivery status notification: the email it reports on was failed, the address suppressed. */
        BOUNCE,
        /** Its household asked to be forgotten: only the id, channel, status and time remain. */
        ERASED
    }

    @Id
    public UUID id;
    public String channel;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    public String status;
    public String kind;
    @Column(name = "from_address")
    public String fromAddress;
    @Column(name = "to_address")
    public String toAddress;
    public String subject;
    public String body;
    public Integer rating;
    @Column(name = "in_reply_to_notification_id")
    public UUID inReplyToNotificationId;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** Who linked an unmatched message to a household. */
    @Column(name = "linked_by")
    public String linkedBy;
    @Version
    public long version;

    public Status state() {
        return Status.valueOf(status);
    }

    /** The households it was published to, in a stable order. */
    public List<UUID> customerIds() {
        return getEntityManager().createNativeQuery(
                        "SELECT customer_id FROM inbound_message_customer WHERE message_id = :id ORDER BY customer_id", UUID.class)
                .setParameter("id", id).getResultList().stream().map(UUID.class::cast).toList();
    }

    public List<InboundAttachment> attachments() {
        return InboundAttachment.list("messageId = ?1 order by fileName", id);
    }
}
