package dev.tend.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A household: the person (or business) Tend keeps in touch with. The first email and phone are primary. */
@Entity
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Convert(converter = JsonList.class)
    @ColumnTransformer(write = "?::jsonb")
    public List<String> emails = new ArrayList<>();
    /** E.164. */
    @Convert(converter = JsonList.class)
    @ColumnTransformer(write = "?::jsonb")
    public List<String> phones = new ArrayList<>();
    @Column(name = "address_line1")
    public String addressLine1;
    @Column(name = "address_line2")
    public String addressLine2;
    @Column(name = "address_city")
    public String addressCity;
    @Column(name = "address_region")
    public String addressRegion;
    @Column(name = "address_postal_code")
    public String addressPostalCode;
    /** ISO 3166-1 alpha-2. */
    @Column(name = "address_country")
    public String addressCountry;
    public String timezone;
    public String locale;
    @Column(name = "preferred_channels")
    @Convert(converter = JsonList.class)
    @ColumnTransformer(write = "?::jsonb")
    public List<String> preferredChannels = new ArrayList<>();
    @Convert(converter = JsonList.class)
    @ColumnTransformer(write = "?::jsonb")
    public List<String> tags = new ArrayList<>();
    public String notes;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
