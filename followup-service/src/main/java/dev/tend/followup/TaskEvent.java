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

/** One line of a household's timeline: what happened to a task, and why. */
@Entity
@Table(name = "task_event")
public class TaskEvent extends PanacheEntityBase {

    // From a sequence in blocks of 50 rather than per-row identity, so that the hundreds written by one
    // scheduler pass go to the database in JDBC batches.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_event_id_seq")
    @SequenceGenerator(name = "task_event_id_seq", sequenceName = "task_event_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "customer_id")
    public UUID customerId;
    public Instant at;
    public String kind;
    public String channel;
    public String detail;
}
