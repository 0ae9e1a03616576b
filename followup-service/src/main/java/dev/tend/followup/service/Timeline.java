package dev.tend.followup.service;

import dev.tend.followup.FollowupTask;
import dev.tend.followup.TaskEvent;
import dev.tend.followup.observability.TaskMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Writes the household's timeline: every change to a task, with the reason, in the change's transaction. */
@ApplicationScoped
public class Timeline {

    public static final String PLANNED = "PLANNED";
    public static final String FIRED = "FIRED";
    public static final String ON_WORKLIST = "ON_WORKLIST";
    public static final String DEFERRED = "DEFERRED";
    public static final String CHANNEL_CHANGED = "CHANNEL_CHANGED";
    public static final String CANCELLED = "CANCELLED";
    public static final String SUPPRESSED = "SUPPRESSED";
    public static final String EXPIRED = "EXPIRED";
    public static final String MERGED = "MERGED";
    public static final String DELIVERY = "DELIVERY";
    public static final String COMPLETED = "COMPLETED";
    public static final String SNOOZED = "SNOOZED";
    public static final String ASSIGNED = "ASSIGNED";
    /** A customer's message came in: the inbound side of the conversation, next to what was sent. */
    public static final String MESSAGE_RECEIVED = "MESSAGE_RECEIVED";
    /** Planning passed over a channel the step prefers (no consent, no contact point) for the next usable one. */
    public static final String CHANNEL_SKIPPED = "CHANNEL_SKIPPED";
    /** Re-planned after the household changed: new times in its new zone. */
    public static final String RESCHEDULED = "RESCHEDULED";
    /** The household changed (zone, consent, channels, contact points, address); no task. */
    public static final String HOUSEHOLD_CHANGED = "HOUSEHOLD_CHANGED";
    /** An event whose matching rules planned nothing, and why; no task. */
    public static final String NOT_PLANNED = "NOT_PLANNED";

    private final Clock clock;
    private final TaskMetrics metrics;

    public Timeline(Clock clock, TaskMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(FollowupTask task, String kind, String detail) {
        TaskEvent event = new TaskEvent();
        event.taskId = task.id;
        event.customerId = task.customerId;
        event.at = clock.instant();
        event.kind = kind;
        event.channel = task.channel;
        event.detail = detail;
        event.persist();
        metrics.decided(kind);
    }

    /**
     * A household's line that no change to a task made: a message received, at the time it was received. It names the
     * task it concerns (the reply item, or the message of ours it answers), or none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordForHousehold(UUID customerId, UUID taskId, Instant at, String kind, String channel, String detail) {
        TaskEvent event = new TaskEvent();
        event.taskId = taskId;
        event.customerId = customerId;
        event.at = at;
        event.kind = kind;
        event.channel = channel;
        event.detail = detail;
        event.persist();
        metrics.decided(kind);
    }

    /** A line about the household rather than one task: a change to it, or an event that planned nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(UUID customerId, String kind, String detail) {
        recordForHousehold(customerId, null, clock.instant(), kind, null, detail);
    }

    /** Settles a task without a touch, and says why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(FollowupTask task, FollowupTask.Status status, String reason) {
        task.status = status;
        task.statusReason = reason;
        record(task, status.name(), reason);
    }
}
