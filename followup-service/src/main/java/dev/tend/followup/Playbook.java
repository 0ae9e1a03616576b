package dev.tend.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One saved version of a playbook; its rules and steps are a validated JSON document. */
@Entity
@Table(name = "playbook")
public class Playbook extends PanacheEntityBase {

    @Id
    public UUID id;
    public String key;
    public int version;
    public String definition;
    @Column(name = "created_at")
    public Instant createdAt;
}
