package dev.tend.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A visit to the practice; its type, reason and recheck date drive the follow-ups. */
@Entity
public class Visit extends PanacheEntityBase {

    public static final String RECORDED = "recorded";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "pet_id")
    public UUID petId;
    @Column(name = "visit_type")
    public String visitType;
    public String reason;
    @Column(name = "staff_member")
    public String staffMember;
    @Column(name = "visited_at")
    public Instant visitedAt;
    @Column(name = "recheck_date")
    public LocalDate recheckDate;
    public String notes;
    public String outcome;
    public String status;
    /** Recorded as history (an import, a backlog): nothing is followed up from it. */
    public boolean imported;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
