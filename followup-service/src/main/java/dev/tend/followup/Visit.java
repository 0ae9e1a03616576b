package dev.tend.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "visit")
public class Visit extends PanacheEntityBase {

    @Id
    @Column(name = "visit_id")
    public UUID visitId;
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
    public String outcome;
    public String notes;
    public boolean cancelled;
    /** Recorded as history (an import, a backlog): kept for the record, nothing is planned from it. */
    public boolean imported;
    public long version;
}
