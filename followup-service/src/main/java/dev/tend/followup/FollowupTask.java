package dev.tend.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "followup_task")
public class FollowupTask extends PanacheEntityBase {

    public enum Status { PENDING, FIRED, CANCELLED, SUPPRESSED, EXPIRED }

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "pet_id")
    public UUID petId;
    @Column(name = "visit_id")
    public UUID visitId;
    /** The playbook rule that planned it, for the timeline's "why". */
    public String rule;
    public String channel;
    @Column(name = "template_key")
    public String templateKey;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "fired_at")
    public Instant firedAt;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "delivery_status")
    public String deliveryStatus;
    /** The template's variables as JSON, captured when the task was planned. */
    public String personalisation;
    @Column(name = "correlation_id")
    public String correlationId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
