package dev.tend.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The postcards gathered at one cut-off, as one merged PDF and a manifest for the print shop. */
@Entity
@Table(name = "print_job")
public class PrintJob extends PanacheEntityBase {

    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    public static final String RELEASED = "RELEASED";

    @Id
    public UUID id;
    public String status;
    @Column(name = "piece_count")
    public int pieceCount;
    @Basic(fetch = FetchType.LAZY)
    public byte[] pdf;
    @Basic(fetch = FetchType.LAZY)
    public String manifest;
    /** Where the job was placed in the hot folder, once released. */
    public String folder;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Version
    public long version;
}
