package dev.tend.followup.rest;

import dev.tend.followup.FollowupTask;

import java.time.Instant;
import java.util.UUID;

public record TaskView(UUID id, UUID customerId, UUID petId, UUID visitId, String rule, String channel,
                       String templateKey, String status, Instant dueAt, Instant firedAt, String statusReason,
                       String deliveryStatus) {

    static TaskView of(FollowupTask task) {
        return new TaskView(task.id, task.customerId, task.petId, task.visitId, task.rule, task.channel,
                task.templateKey, task.status.name(), task.dueAt, task.firedAt, task.statusReason, task.deliveryStatus);
    }
}
