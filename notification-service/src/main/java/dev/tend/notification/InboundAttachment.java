package dev.tend.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * A file that came with an inbound message: kept here (an email attachment), or a link to where the provider keeps
 * it (an MMS picture). The random id is what its URL is made of, so the URL cannot be guessed.
 */
@Entity
@Table(name = "inbound_attachment")
public class InboundAttachment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    @Column(name = "source_url")
    public String sourceUrl;
}
