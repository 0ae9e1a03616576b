package dev.tend.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
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
    /** The postal address as JSON, null when unknown. */
    @Column(name = "postal_address")
    public String postalAddress;
    public String timezone;
    public String locale;
    /** Comma-joined channel names, most preferred first. */
    @Column(name = "preferred_channels")
    public String preferredChannels = "";
    /** JSON object: channel name to {granted, changedAt}. */
    public String consents = "{}";
    /** Comma-joined tags. */
    public String tags = "";
    @Column(name = "bereaved_until")
    public Instant bereavedUntil;
    /** The customer's version in customer-service: an older snapshot never overwrites a newer one. */
    public long version;
}
