package dev.tend.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A template edited over REST; it takes precedence over the one shipped with the service. */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends PanacheEntityBase {

    @Id
    public UUID id;
    public String channel;
    @Column(name = "template_key")
    public String templateKey;
    /** A BCP 47 tag ({@code pt-PT}), a language ({@code pt}), or {@code default}. */
    public String locale;
    public String subject;
    @Column(name = "body_text")
    public String bodyText;
    @Column(name = "body_html")
    public String bodyHtml;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
