package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.platform.observability.TraceContext;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "followup_task")
public class FollowupTask extends PanacheEntityBase {

    /**
     * PENDING until due; then FIRED (a message requested) or OPEN (a call on the worklist, DONE once made);
     * or settled without a touch: CANCELLED, SUPPRESSED, EXPIRED, MERGED (onto another household card).
     */
    public enum Status { PENDING, FIRED, OPEN, DONE, CANCELLED, SUPPRESSED, EXPIRED, MERGED }

    /**
     * FOLLOWUP: a touch a playbook or a workflow planned (a message, or a call staff make). REPLY: a customer's
     * message on the worklist for a person to read and answer, opened the moment it arrives.
     */
    public enum Kind { FOLLOWUP, REPLY }

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "pet_id")
    public UUID petId;
    @Column(name = "pet_ids")
    public String petIds;
    @Column(name = "visit_id")
    public UUID visitId;
    /** The playbook rule (or built-in workflow step) that planned it, for the timeline's "why". */
    public String rule;
    @Column(name = "playbook_key")
    public String playbookKey;
    @Column(name = "playbook_version")
    public Integer playbookVersion;
    public String channel;
    public String channels;
    @Column(name = "failed_channels")
    public String failedChannels = "";
    @Column(name = "template_key")
    public String templateKey;
    public String priority;
    @Column(name = "priority_rank")
    public int priorityRank;
    @Column(name = "window_kind")
    public String windowKind;
    @Column(name = "service_message")
    public boolean serviceMessage;
    @Column(name = "quiet_in_bereavement")
    public boolean quietInBereavement;
    /** Fits a household grieving the pet it is about: the only kind of touch about a deceased or rehomed pet. */
    @Column(name = "fits_bereavement")
    public boolean fitsBereavement;
    /** The local date and time the step names, in the zone it was timed in; null when it names none. */
    @Column(name = "local_due")
    public LocalDateTime localDue;
    @Column(name = "cancel_on")
    public String cancelOn = "";
    @Enumerated(EnumType.STRING)
    public Kind kind = Kind.FOLLOWUP;
    /** A reply that mentions an emergency (the configured urgent words): first on the worklist, before overdue calls. */
    public boolean urgent;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "fired_at")
    public Instant firedAt;
    public int attempt;
    @Column(name = "notification_id")
    public UUID notificationId;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "delivery_status")
    public String deliveryStatus;
    public String assignee;
    public String team;
    public String outcome;
    @Column(name = "outcome_note")
    public String outcomeNote;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public String completedBy;
    @Column(name = "repeat_every")
    public String repeatEvery;
    @Column(name = "plan_key")
    public String planKey;
    @Column(name = "correlation_id")
    public String correlationId;
    /** The W3C trace context the task was planned in (the visit's trace), continued when it fires; null if untraced. */
    public String traceparent;
    public String tracestate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
    /** What planning decided besides the plan itself (a channel skipped, a hold), written to the timeline with it. */
    @Transient
    public final List<PlanNote> planNotes = new ArrayList<>();

    /** A line for the timeline, decided before the task was saved. */
    public record PlanNote(String kind, String detail) {
    }

    public Channel channel() {
        return Channel.valueOf(channel);
    }

    public List<Channel> allowedChannels() {
        return channelList(channels);
    }

    public List<Channel> failedChannels() {
        return channelList(failedChannels);
    }

    public List<UUID> pets() {
        List<UUID> pets = new ArrayList<>();
        if (petIds != null && !petIds.isBlank()) {
            Arrays.stream(petIds.split(",")).map(UUID::fromString).forEach(pets::add);
        } else if (petId != null) {
            pets.add(petId);
        }
        return pets;
    }

    public boolean cancelledBy(String cause) {
        return Arrays.asList(cancelOn.split(",")).contains(cause);
    }

    public boolean isCall() {
        return Channel.PHONE.name().equals(channel);
    }

    public boolean isReply() {
        return kind == Kind.REPLY;
    }

    /** A call staff make or a reply staff answer: what the worklist holds. */
    public boolean onWorklist() {
        return isCall() || isReply();
    }

    public static List<Channel> channelList(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(Channel::valueOf).toList();
    }

    public static String join(List<?> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    public TraceContext trace() {
        return new TraceContext(traceparent, tracestate);
    }

    public void trace(TraceContext trace) {
        traceparent = trace.traceparent();
        tracestate = trace.tracestate();
    }
}
