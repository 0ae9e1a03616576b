package dev.tend.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Whether a household may be contacted on one channel, who said so and when. No row means no consent. */
@Entity
@Table(name = "customer_consent")
public class CustomerConsent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    public String channel;
    public boolean granted;
    public String source;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static List<CustomerConsent> of(UUID customerId) {
        return list("customerId = ?1 order by channel", customerId);
    }

    public static CustomerConsent find(UUID customerId, String channel) {
        return find("customerId = ?1 and channel = ?2", customerId, channel).firstResult();
    }
}
