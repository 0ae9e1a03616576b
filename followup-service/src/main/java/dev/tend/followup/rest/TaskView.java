package dev.tend.followup.rest;

import dev.tend.followup.FollowupTask;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task of the household; {@code kind} REPLY is a customer's message on the worklist, {@code urgent} when it mentions an emergency. */
public record TaskView(UUID id, String kind, boolean urgent, UUID customerId, UUID petId, List<UUID> petIds, UUID visitId, String rule,
                       String playbookKey, Integer playbookVersion, String channel, String templateKey, String priority,
                       String status, Instant dueAt, Instant expiresAt, Instant firedAt, int attempt, String statusReason,
                       String deliveryStatus, String assignee, String team, String outcome, String outcomeNote,
                       Instant completedAt) {

    static TaskView of(FollowupTask task) {
        return new TaskView(task.id, task.kind.name(), task.urgent, task.customerId, task.petId, task.pets(), task.visitId, task.rule, task.playbookKey,
                task.playbookVersion, task.channel, task.templateKey, task.priority, task.status.name(), task.dueAt,
                task.expiresAt, task.firedAt, task.attempt, task.statusReason, task.deliveryStatus, task.assignee,
                task.team, task.outcome, task.outcomeNote, task.completedAt);
    }
}
