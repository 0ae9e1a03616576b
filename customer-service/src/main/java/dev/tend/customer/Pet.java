package dev.tend.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Pet extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String DECEASED = "deceased";
    public static final String REHOMED = "rehomed";

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    public String name;
    public String species;
    public String breed;
    /** {@code female}, {@code male}, or null when not recorded. */
    public String sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String status;
    @Column(name = "died_on")
    public LocalDate diedOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
