package dev.tend.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "pet")
public class Pet extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String DECEASED = "deceased";

    @Id
    @Column(name = "pet_id")
    public UUID petId;
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
    @Column(name = "photo_url")
    public String photoUrl;
    public long version;
}
