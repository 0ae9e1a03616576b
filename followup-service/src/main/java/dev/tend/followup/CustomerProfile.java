package dev.tend.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The household as customer-service last described it. */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    public String name;
    public String email;
    public String phone;
    public String timezone;
    public String locale;
    /** The customer's version in customer-service: an older snapshot never overwrites a newer one. */
    public long version;
}
