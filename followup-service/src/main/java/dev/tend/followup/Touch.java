package dev.tend.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A real contact with a household: the ledger that caps touches and pushes back relationship calls. */
@Entity
@Table(name = "touch")
public class Touch extends PanacheEntityBase {

    public static final String VISIT = "VISIT";

    // From a sequence in blocks of 50 rather than per-row identity, so that the hundreds written by one
    // scheduler pass go to the database in JDBC batches.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "touch_id_seq")
    @SequenceGenerator(name = "touch_id_seq", sequenceName = "touch_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "customer_id")
    public UUID customerId;
    public Instant at;
    /** VISIT, or the channel of a fired message or completed call. */
    public String kind;
    @Column(name = "task_id")
    public UUID taskId;
}
