package dev.tend.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A household: the person (or business) Tend keeps in touch with. */
@Entity
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String email;
    public String phone;
    public String timezone;
    public String locale;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
