package dev.tend.followup.rest;

import dev.tend.followup.FollowupTask;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A task a dry run would plan, with its due time also in the zone it was computed in. */
public record PlannedTaskView(String rule, String templateKey, String channel, String priority, String status,
                              String reason, Instant dueAt, ZonedDateTime dueLocal, Instant expiresAt) {

    static PlannedTaskView of(FollowupTask task, ZoneId zone) {
        return new PlannedTaskView(task.rule, task.templateKey, task.channel, task.priority, task.status.name(),
                task.statusReason, task.dueAt, task.dueAt.atZone(zone), task.expiresAt);
    }
}
