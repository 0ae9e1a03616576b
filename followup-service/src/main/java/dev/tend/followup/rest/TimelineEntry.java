package dev.tend.followup.rest;

import dev.tend.followup.FollowupTask;
import dev.tend.followup.TaskEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the "why / why not" view: what happened to which task, on which channel, and why. A line about the
 * household itself (a move, a consent change, a visit that planned nothing) has no task.
 */
public record TimelineEntry(Instant at, UUID taskId, String rule, String templateKey, String kind, String channel,
                           String detail, String taskStatus, String deliveryStatus) {

    static TimelineEntry of(TaskEvent event, FollowupTask task) {
        return new TimelineEntry(event.at, event.taskId, task == null ? null : task.rule, task == null ? null : task.templateKey,
                event.kind, event.channel, event.detail, task == null ? null : task.status.name(),
                task == null ? null : task.deliveryStatus);
    }
}
