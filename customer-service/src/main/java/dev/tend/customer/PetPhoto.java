package dev.tend.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A pet's photo, as uploaded: the front of its postcards. */
@Entity
@Table(name = "pet_photo")
public class PetPhoto extends PanacheEntityBase {

    @Id
    @Column(name = "pet_id")
    public UUID petId;
    @Column(name = "content_type")
    public String contentType;
    public byte[] data;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
