package dev.tend.followup.rest;

import jakarta.validation.constraints.Size;

import java.util.UUID;

/** @param taskId the feedback request answered, when known; @param rating 1 (poor) to 5 (great) */
public record NewFeedback(UUID taskId, Integer rating, @Size(max = 4000) String comment) {
}
