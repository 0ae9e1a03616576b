package dev.tend.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A message Tend was asked to send, and what became of it. */
@Entity
public class Notification extends PanacheEntityBase {

    public static final String PENDING = "PENDING";

    @Id
    public UUID id;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "customer_id")
    public UUID customerId;
    public String channel;
    @Column(name = "template_key")
    public String templateKey;
    public String recipient;
    public String subject;
    @Column(name = "body_text")
    public String bodyText;
    @Column(name = "body_html")
    public String bodyHtml;
    /** PENDING until sent; then SENT, FAILED or SUPPRESSED. */
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    @Column(name = "correlation_id")
    public String correlationId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Version
    public long version;
}
