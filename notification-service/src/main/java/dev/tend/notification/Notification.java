package dev.tend.notification;

import dev.tend.platform.observability.TraceContext;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A message Tend was asked to send, and what became of it. */
@Entity
public class Notification extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    /** An attempt was recorded before calling the provider; until its outcome is known it may have been sent. */
    public static final String SENDING = "SENDING";
    /** A postcard gathered into a print job that has not been released yet. */
    public static final String PRINTING = "PRINTING";

    @Id
    public UUID id;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "customer_id")
    public UUID customerId;
    public String channel;
    @Column(name = "template_key")
    public String templateKey;
    public String locale;
    /** The email address, E.164 phone number, or (for a postcard) the addressee's name. */
    public String recipient;
    @Column(name = "recipient_name")
    public String recipientName;
    /** JSON of the contracts' {@code PostalAddress}, for postcards. */
    @Column(name = "postal_address")
    public String postalAddress;
    @Column(name = "photo_url")
    public String photoUrl;
    public String subject;
    @Column(name = "body_text")
    public String bodyText;
    @Column(name = "body_html")
    public String bodyHtml;
    public Integer segments;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "attempt_started_at")
    public Instant attemptStartedAt;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    /** Who signs a postcard. */
    public String signature;
    @Column(name = "print_job_id")
    public UUID printJobId;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "card_pdf")
    public byte[] cardPdf;
    @Column(name = "correlation_id")
    public String correlationId;
    /** The W3C trace context it was requested in (the visit's trace), continued when it is sent; null if untraced. */
    public String traceparent;
    public String tracestate;
    /** For a staff answer: the customer's message it answers. */
    @Column(name = "in_reply_to_message_id")
    public UUID inReplyToMessageId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    /**
     * When the copy of this email addressed to the sent-copy address came back: proof the mail server took it.
     * Written only by {@code SentCopies} with its own statement, never by the entity, so a concurrent settle that
     * loaded the row earlier cannot write it back to null.
     */
    @Column(name = "sent_copy_received_at", insertable = false, updatable = false)
    public Instant sentCopyReceivedAt;
    @Version
    public long version;

    public boolean isFinal() {
        return !PENDING.equals(status) && !SENDING.equals(status) && !PRINTING.equals(status);
    }

    public TraceContext trace() {
        return new TraceContext(traceparent, tracestate);
    }

    public void trace(TraceContext trace) {
        traceparent = trace.traceparent();
        tracestate = trace.tracestate();
    }
}
